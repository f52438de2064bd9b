/** Placeholder: staff API of request webhooks, issue 13. */
import type { ServiceContext } from '../services/context.js';
import type { StaffApp } from './types.js';

export function webhookRoutes(_app: StaffApp, _ctx: ServiceContext): void {}
