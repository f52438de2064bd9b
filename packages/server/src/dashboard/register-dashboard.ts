/** Placeholder: the dashboard's jobs (sync, rebuild), issue 13. */
import type { ServiceContext } from '../services/context.js';

export async function registerDashboard(_ctx: ServiceContext): Promise<void> {}
