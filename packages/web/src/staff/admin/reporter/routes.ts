/** /staff/reporter-settings: administrators of the served jurisdiction read and save its reporter settings (the same service as the staff API). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveReporterSettings } from '@o311/server';
import { MAX_QUESTION_DELAY_HOURS, MAX_REOPEN_WINDOW_DAYS } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { formText } from '../../../form.js';
import { translatorFor } from '../../../request-locale.js';
import type { FieldError } from '../../forms/fields.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { SETTINGS_IDS, settingsView, type SettingsDraft } from './settings-view.js';

const PATH = '/staff/reporter-settings';

/** A whole number from 0 to max, else undefined (the form's text is kept for the page). */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

export async function registerReporterSettingsPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'admin') };

  async function show(request: FastifyRequest, reply: FastifyReply, draft: SettingsDraft | undefined, errors: FieldError[], status = 200) {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const saved = await web.services.store.reporter.settings(j.id);
    const shown = draft ?? {
      receipts_for_api: saved.receipts_for_api, question_delay_hours: String(saved.question_delay_hours), reopen_window_days: String(saved.reopen_window_days),
    };
    const main = settingsView(t, { jurisdictionName: j.name, draft: shown, errors, notice: doneNotice(request, t, { saved: 'reporter.settings.saved' }), csrf: csrfField(request) });
    return sendStaffPage(request, reply, web, { title: t('reporter.settings.title'), main, status });
  }

  app.get(PATH, admin, (request, reply) => show(request, reply, undefined, []));

  app.post(PATH, admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const draft: SettingsDraft = {
      receipts_for_api: formText(request, 'receipts_for_api') === '1',
      question_delay_hours: formText(request, 'question_delay_hours'),
      reopen_window_days: formText(request, 'reopen_window_days'),
    };
    const delay = wholeNumber(draft.question_delay_hours, MAX_QUESTION_DELAY_HOURS);
    const window = wholeNumber(draft.reopen_window_days, MAX_REOPEN_WINDOW_DAYS);
    const errors: FieldError[] = [];
    if (delay === undefined) errors.push({ field: SETTINGS_IDS.delay, message: t('reporter.settings.error.delay', { max: MAX_QUESTION_DELAY_HOURS }) });
    if (window === undefined) errors.push({ field: SETTINGS_IDS.window, message: t('reporter.settings.error.window', { max: MAX_REOPEN_WINDOW_DAYS }) });
    if (delay === undefined || window === undefined) return show(request, reply, draft, errors, 400);
    const j = await webJurisdiction(web);
    await saveReporterSettings(web.services, webActorOf(currentStaff(request).user), j.id, {
      receipts_for_api: draft.receipts_for_api, question_delay_hours: delay, reopen_window_days: window,
    });
    return reply.redirect(`${PATH}?done=saved`, 303);
  });
}
