/** Placeholder: request webhooks' jobs (dispatch, delivery), issue 13. */
import type { ServiceContext } from '../services/context.js';

export async function registerWebhooks(_ctx: ServiceContext, _options: { allowPrivate: boolean }): Promise<void> {}
