/** Staff: a jurisdiction's reporter settings (receipts for API submissions, "is it fixed?" delay, reopen window); read: any role, write: admins. */
import { Type } from 'typebox';
import { MAX_QUESTION_DELAY_HOURS, MAX_REOPEN_WINDOW_DAYS } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { reporterSettings, saveReporterSettings } from '../services/reporter-settings.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf } from './auth.js';
import { JurisdictionParams, STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const SettingsBody = Type.Object({
  receipts_for_api: Type.Boolean({
    description: 'Requests POSTed through the Open311 API by other apps also mail their reporter (receipt, updates, "is it fixed?"). The citizen web app\'s always do.',
  }),
  question_delay_hours: Type.Integer({ minimum: 0, maximum: MAX_QUESTION_DELAY_HOURS, description: 'Hours after a closing before "is it fixed?" is mailed; 0: with the closing.' }),
  reopen_window_days: Type.Integer({ minimum: 0, maximum: MAX_REOPEN_WINDOW_DAYS, description: 'Days after a closing during which the reporter may reopen; 0: never.' }),
}, { additionalProperties: false });

const Settings = Type.Object({ jurisdiction_id: Type.String(), ...SettingsBody.properties });

export function reporterSettingsRoutes(app: StaffApp, ctx: ServiceContext): void {
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY, params: JurisdictionParams };
  app.get('/jurisdictions/:jid/reporter-settings', {
    onRequest: requirePermission(ctx.store, 'read'),
    schema: { ...base, summary: 'The reporter settings of a jurisdiction', response: { 200: Settings, ...staffErrors(401, 403, 404) } },
  }, async (request) => reporterSettings(ctx, scopeOf(request), request.params.jid));

  app.put('/jurisdictions/:jid/reporter-settings', {
    onRequest: requirePermission(ctx.store, 'admin'),
    schema: { ...base, summary: 'Replace the reporter settings of a jurisdiction', body: SettingsBody, response: { 200: Settings, ...staffErrors(400, 401, 403, 404) } },
  }, async (request) => saveReporterSettings(ctx, apiActorOf(request), request.params.jid, request.body));
}
