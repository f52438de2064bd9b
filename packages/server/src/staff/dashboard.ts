/** Placeholder: staff API of dashboard sources and areas, issue 13. */
import type { ServiceContext } from '../services/context.js';
import type { StaffApp } from './types.js';

export function dashboardRoutes(_app: StaffApp, _ctx: ServiceContext): void {}
