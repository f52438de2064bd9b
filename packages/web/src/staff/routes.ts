/** Every page of the staff back office under /staff. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { registerAccountPages } from './account/routes.js';
import { registerAuditPages } from './admin/audit/routes.js';
import { registerDashboardAdminPages } from './admin/dashboard/routes.js';
import { registerDepartmentPages } from './admin/departments/routes.js';
import { registerReporterSettingsPages } from './admin/reporter/routes.js';
import { registerJobPages } from './admin/jobs/routes.js';
import { registerMailQuarantinePages } from './admin/mail-quarantine/routes.js';
import { registerKeyPages } from './admin/keys/routes.js';
import { registerRegistryPages } from './admin/registry/routes.js';
import { registerUserPages } from './admin/users/routes.js';
import { registerWebhookPages } from './admin/webhooks/routes.js';
import { registerAuthPages } from './auth/routes.js';
import { registerCallPages } from './calls/routes.js';
import { registerInboxPages } from './inbox/routes.js';
import { registerRequestPages } from './request/routes.js';
import { registerModerationPages } from './request/moderation-routes.js';
import { registerServiceEditorPages } from './services/routes.js';
import { registerTemplatePages } from './templates/routes.js';

export async function registerStaffPages(app: FastifyInstance, web: WebContext): Promise<void> {
  await registerAuthPages(app, web);
  await registerAccountPages(app, web);
  await registerInboxPages(app, web);
  await registerRequestPages(app, web);
  registerCallPages(app, web);
  registerModerationPages(app, web);
  await registerServiceEditorPages(app, web);
  await registerTemplatePages(app, web);
  await registerUserPages(app, web);
  await registerDepartmentPages(app, web);
  await registerReporterSettingsPages(app, web);
  registerMailQuarantinePages(app, web);
  await registerKeyPages(app, web);
  await registerAuditPages(app, web);
  await registerJobPages(app, web);
  await registerRegistryPages(app, web);
  await registerWebhookPages(app, web);
  await registerDashboardAdminPages(app, web);
}
