/**
 * The receipt of a new request, for a reporter who left an e-mail. Who gets
 * it: every report sent through the citizen web app (its form, or its page's
 * JavaScript posting with the web app's key); a request POSTed through the
 * Open311 API by another app only when the jurisdiction asks for it
 * (`receipts_for_api`), since such apps (FixMyStreet, say) often mail their
 * users themselves; never a sandbox's. Only the enqueue happens in the HTTP
 * request; the `reporter.receipt` job follows the request for the reporter (so
 * every public update reaches them in their language), issues their secret
 * link and mails the receipt, once (outbox once-key) however often it runs.
 */
import type { FastifyRequest } from 'fastify';
import type { RequestReceipt } from '@o311/georeport';
import { JOB, reporterReceiptOptions, type ReporterReceiptData } from '@o311/server';
import type { ApiKey, Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { webApiKey } from '../citizen/api-key.js';
import { isEmailAddress } from '../citizen/value-checks.js';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, pickLocale, type Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { receiptMail } from './mails.js';
import { reporterLinks } from './links.js';
import { reporterThreading } from '../mail/threading.js';

async function isWebAppKey(web: WebContext, key: ApiKey): Promise<boolean> {
  const found = await web.services.store.findApiKey(await webApiKey(web));
  return found?.id === key.id;
}

/**
 * Queues the receipt of a request just filed; `key` undefined: through the web
 * app's own form. Never throws: the request is filed whatever happens here.
 */
export async function queueReceipt(
  web: WebContext,
  request: FastifyRequest,
  j: Jurisdiction,
  requestId: string,
  via: { key: ApiKey } | { locale: Locale },
): Promise<void> {
  const { store, jobs } = web.services;
  try {
    if (j.sandbox) return;
    const r = await store.getRequest(j.id, requestId);
    if (!r?.reporter.email) return;
    if ('key' in via && !(await isWebAppKey(web, via.key)) && !(await store.reporter.settings(j.id)).receipts_for_api) return;
    const locale = 'locale' in via ? via.locale : pickLocale({ cookie: request.cookies[LOCALE_COOKIE], acceptLanguage: request.headers['accept-language'] });
    const data: ReporterReceiptData = { jurisdictionId: j.id, requestId, locale };
    await jobs.enqueue(JOB.reporterReceipt, data, reporterReceiptOptions(data));
  } catch (err) {
    request.log.error({ err, requestId }, 'enqueuing the receipt to the reporter of a request failed');
  }
}

/** The `reporter.receipt` job. */
export async function sendReceipt(web: WebContext, d: ReporterReceiptData): Promise<void> {
  const { store, now } = web.services;
  const j = await store.getJurisdiction(d.jurisdictionId);
  const r = j && (await store.getRequest(j.id, d.requestId));
  const email = r?.reporter.email;
  // Gone (a sandbox reset), or an address no mail can reach.
  if (!j || !r || !email || !isEmailAddress(email)) return;
  const locale = isLocale(d.locale) ? d.locale : DEFAULT_LOCALE;
  await store.reporter.enroll({ jurisdiction_id: j.id, request_id: r.id, locale }, now());
  // Leaving an e-mail with the report is the reporter's consent: no confirmation round trip.
  const { confirmSecret, unsubscribeSecret } = await store.addFollower({ jurisdiction_id: j.id, request_id: r.id, email, locale, at: now() });
  await store.confirmFollower(confirmSecret, now());
  const links = await reporterLinks(web, j, r, locale, unsubscribeSecret);
  const threading = await reporterThreading(web, j.id, r.id, email);
  const mail = receiptMail(translator(locale), email, links, threading !== undefined);
  await web.mailer.send(threading ? { ...mail, threading } : mail, `${JOB.reporterReceipt}:${r.id}`);
}

/** The web form's path: its receipt names the request by id, or by token (batch services); blackbox ones without either get none. */
export async function queueFormReceipt(web: WebContext, request: FastifyRequest, j: Jurisdiction, receipt: RequestReceipt, locale: Locale): Promise<void> {
  const id = receipt.service_request_id ?? (receipt.token ? (await web.services.store.getRequestByToken(j.id, receipt.token))?.id : undefined);
  if (id) await queueReceipt(web, request, j, id, { locale });
}
