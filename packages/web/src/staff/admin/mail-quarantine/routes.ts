/**
 * /staff/mail-quarantine (administrators of the served jurisdiction): the
 * e-mail intake's held mail, read, released (filed through the intake) or
 * deleted; each decision is audited, without the message.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteMail, quarantined, releaseMail, type IngestResult, type IntakeContext } from '@o311/email-intake';
import { recordAudit } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import type { Translator } from '../../../i18n/translate.js';
import { notice } from '../../forms/error-summary.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { webActorOf } from '../../staff-actor.js';
import { heldMailView, QUARANTINE_PATH, quarantineView, reasonLabel } from './quarantine-view.js';

const ID = /^[0-9a-f-]{36}$/;

/** The intake as this request runs it: a side effect that fails on release (a follower notice, a staff note) is logged, not lost. */
function intakeOf(web: WebContext, request: FastifyRequest): IntakeContext | undefined {
  const intake = web.options.emailIntake;
  const onError = (err: unknown) => request.log.error({ err }, 'e-mail intake: a side effect of a released message failed');
  return intake && { services: web.services, addresses: intake.addresses, limits: intake.limits, onError };
}

function outcomeText(t: Translator, r: IngestResult): string {
  if (r.verdict === 'filed') return t('mailQuarantine.outcome.filed', { id: r.requestId });
  if (r.verdict === 'update') return t('mailQuarantine.outcome.update', { id: r.requestId });
  return t('mailQuarantine.outcome.other', { reason: reasonLabel(t, r.reason) });
}

export function registerMailQuarantinePages(app: FastifyInstance, web: WebContext): void {
  const admin = { preHandler: staffGuard(web, 'admin') };
  type WithId = { Params: { id: string } };

  async function list(request: FastifyRequest, reply: FastifyReply, shown = notice(undefined), status = 200) {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const ic = intakeOf(web, request);
    const held = ic ? await quarantined(ic, j) : [];
    const addresses = ic?.addresses.filter((a) => a.jurisdiction_id === j.id).map((a) => a.address);
    const main = quarantineView(t, { addresses, keepDays: ic?.limits.keepDays ?? 0, held, timezone: j.timezone, notice: shown, csrf: csrfField(request) });
    return sendStaffPage(request, reply, web, { title: t('mailQuarantine.title'), main, status });
  }

  app.get(QUARANTINE_PATH, admin, (request, reply) => {
    const t = translatorFor(request, reply);
    const done = (request.query as Record<string, unknown>).done;
    return list(request, reply, notice(done === 'deleted' ? t('mailQuarantine.deleted') : undefined));
  });

  app.get<WithId>(`${QUARANTINE_PATH}/:id`, admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const ic = intakeOf(web, request);
    const kept = ic && ID.test(request.params.id) ? await web.services.store.mailIntake.quarantinedMail(j.id, request.params.id) : undefined;
    if (!kept) return list(request, reply, notice(t('mailQuarantine.gone')), 404);
    const main = heldMailView(t, { timezone: j.timezone, csrf: csrfField(request) }, kept.record, kept.raw);
    return sendStaffPage(request, reply, web, { title: t('mailQuarantine.title'), main });
  });

  app.post<WithId>(`${QUARANTINE_PATH}/:id/release`, admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const ic = intakeOf(web, request);
    const released = ic && ID.test(request.params.id) ? await releaseMail(ic, j, request.params.id) : undefined;
    if (!released?.ok) return list(request, reply, notice(t('mailQuarantine.gone')), 404);
    const { result } = released;
    await recordAudit(web.services, webActorOf(currentStaff(request).user), {
      action: 'mail.release', jurisdiction_id: j.id, request_id: 'requestId' in result ? result.requestId : null, details: { mail_id: request.params.id, verdict: result.verdict },
    });
    return list(request, reply, notice(t('mailQuarantine.released', { outcome: outcomeText(t, result) })));
  });

  app.post<WithId>(`${QUARANTINE_PATH}/:id/delete`, admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const ic = intakeOf(web, request);
    const deleted = ic && ID.test(request.params.id) ? await deleteMail(ic, j, request.params.id) : false;
    if (!deleted) return list(request, reply, notice(t('mailQuarantine.gone')), 404);
    await recordAudit(web.services, webActorOf(currentStaff(request).user), { action: 'mail.delete', jurisdiction_id: j.id, details: { mail_id: request.params.id } });
    return reply.redirect(`${QUARANTINE_PATH}?done=deleted`, 303);
  });
}
