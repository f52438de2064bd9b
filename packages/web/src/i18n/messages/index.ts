/** Every catalogue, by language. Spanish and French must have every English key (checked by the types). */
import type { Locale } from '../locales.js';
import { accountEn } from './account.en.js';
import { accountEs } from './account.es.js';
import { accountFr } from './account.fr.js';
import { citizenEn } from './citizen.en.js';
import { citizenEs } from './citizen.es.js';
import { citizenFr } from './citizen.fr.js';
import { commonEn } from './common.en.js';
import { commonEs } from './common.es.js';
import { commonFr } from './common.fr.js';
import { dashboardEn } from './dashboard.en.js';
import { dashboardAdminEn } from './dashboard-admin.en.js';
import { dashboardAdminEs } from './dashboard-admin.es.js';
import { dashboardAdminFr } from './dashboard-admin.fr.js';
import { dashboardEs } from './dashboard.es.js';
import { dashboardFr } from './dashboard.fr.js';
import { developersEn } from './developers.en.js';
import { developersEs } from './developers.es.js';
import { developersFr } from './developers.fr.js';
import { discoverEn } from './discover.en.js';
import { discoverEs } from './discover.es.js';
import { discoverFr } from './discover.fr.js';
import { federationEn } from './federation.en.js';
import { federationEs } from './federation.es.js';
import { federationFr } from './federation.fr.js';
import { inboxEn } from './inbox.en.js';
import { inboxViewEn } from './inbox-view.en.js';
import { inboxViewEs } from './inbox-view.es.js';
import { inboxViewFr } from './inbox-view.fr.js';
import { inboxEs } from './inbox.es.js';
import { inboxFr } from './inbox.fr.js';
import { jobsEn } from './jobs.en.js';
import { jobsEs } from './jobs.es.js';
import { jobsFr } from './jobs.fr.js';
import { monitorEn } from './monitor.en.js';
import { monitorEs } from './monitor.es.js';
import { monitorFr } from './monitor.fr.js';
import { moderationEn } from './moderation.en.js';
import { moderationEs } from './moderation.es.js';
import { moderationFr } from './moderation.fr.js';
import { openDataEn } from './open-data.en.js';
import { openDataEs } from './open-data.es.js';
import { openDataFr } from './open-data.fr.js';
import { registryEn } from './registry.en.js';
import { reportFormEn } from './report-form.en.js';
import { reportFormEs } from './report-form.es.js';
import { reportFormFr } from './report-form.fr.js';
import { requestFormEn } from './request-form.en.js';
import { requestFormEs } from './request-form.es.js';
import { requestFormFr } from './request-form.fr.js';
import { registryEs } from './registry.es.js';
import { registryFr } from './registry.fr.js';
import { routedEn } from './routed.en.js';
import { routedEs } from './routed.es.js';
import { routedFr } from './routed.fr.js';
import { staffEn } from './staff.en.js';
import { staffEs } from './staff.es.js';
import { staffFr } from './staff.fr.js';
import { statusEn } from './status.en.js';
import { statusEs } from './status.es.js';
import { statusFr } from './status.fr.js';
import { validateEn } from './validate.en.js';
import { validateEs } from './validate.es.js';
import { validateFr } from './validate.fr.js';
import { webhooksEn } from './webhooks.en.js';
import { webhooksEs } from './webhooks.es.js';
import { webhooksFr } from './webhooks.fr.js';

const en = { ...commonEn, ...citizenEn, ...staffEn, ...inboxEn, ...inboxViewEn, ...jobsEn, ...discoverEn, ...registryEn, ...federationEn, ...monitorEn, ...accountEn, ...routedEn, ...statusEn, ...validateEn, ...dashboardEn, ...openDataEn, ...webhooksEn, ...developersEn, ...dashboardAdminEn, ...moderationEn, ...requestFormEn, ...reportFormEn };
export type MessageKey = keyof typeof en;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = {
  en,
  es: { ...commonEs, ...citizenEs, ...staffEs, ...inboxEs, ...inboxViewEs, ...jobsEs, ...discoverEs, ...registryEs, ...federationEs, ...monitorEs, ...accountEs, ...routedEs, ...statusEs, ...validateEs, ...dashboardEs, ...openDataEs, ...webhooksEs, ...developersEs, ...dashboardAdminEs, ...moderationEs, ...requestFormEs, ...reportFormEs },
  fr: { ...commonFr, ...citizenFr, ...staffFr, ...inboxFr, ...inboxViewFr, ...jobsFr, ...discoverFr, ...registryFr, ...federationFr, ...monitorFr, ...accountFr, ...routedFr, ...statusFr, ...validateFr, ...dashboardFr, ...openDataFr, ...webhooksFr, ...developersFr, ...dashboardAdminFr, ...moderationFr, ...requestFormFr, ...reportFormFr },
};
