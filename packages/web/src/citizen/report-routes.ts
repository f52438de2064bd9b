/**
 * GET /report/:code (the form), POST /report/:code (the no-JS submission:
 * 303 to the confirmation, or the form again with its errors, status 400)
 * and GET /report/:code/sent (the confirmation).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { webApiKey } from './api-key.js';
import { EMPTY_FORM, valueOf, type FormFields } from './form-state.js';
import { mapConfig } from './map-config.js';
import { mapCenter } from './map-center.js';
import { formTokenOf, newFormToken } from './form-token.js';
import { findNearby, type NearbyRequest } from './nearby.js';
import { locateTyped } from './geocode-form.js';
import type { GeocodeView } from './geocode-view.js';
import { photoLimitsHint } from './photo-limits.js';
import { pageProjection } from './origin.js';
import { sendPublicPage } from './page.js';
import { param, pathAndQuery, publicHandler } from './public-handler.js';
import { browserMessages, type ReportConfig } from './report-config.js';
import { loadReportContext, type ReportContext } from './report-context.js';
import { checkReport, type FieldError } from './report-check.js';
import { readReportInput } from './report-input.js';
import { reportPage } from './report-page.js';
import { sentPage, type Receipt } from './sent-page.js';
import { confirmationPath, submitReport } from './submit-report.js';
import { coordinate } from './value-checks.js';
import { citizenOf } from '../account/authenticate.js';
import { setReportOwner } from '../account/report-owner.js';
import { queueFormReceipt } from '../reporter/receipt.js';

interface Problems {
  errors: readonly FieldError[];
  serverProblems: readonly string[];
}

const NO_PROBLEMS: Problems = { errors: [], serverProblems: [] };

/** Prefill from the query string (`?lat=…&long=…&address_string=…`), e.g. a link from a map elsewhere. */
function prefill(query: unknown): FormFields {
  const fields: FormFields = new Map();
  for (const name of ['lat', 'long', 'address_string']) {
    const v = param(query, name);
    if (v !== '') fields.set(name, [v]);
  }
  return fields.size > 0 ? fields : EMPTY_FORM;
}

async function nearbyFor(web: WebContext, request: FastifyRequest, rc: ReportContext, fields: FormFields): Promise<NearbyRequest[]> {
  const lat = coordinate(valueOf(fields, 'lat').trim(), 90);
  const long = coordinate(valueOf(fields, 'long').trim(), 180);
  if (lat === undefined || long === undefined) return [];
  return findNearby(web, rc.j, pageProjection(request, rc.j), { code: rc.record.service_code, lat, long });
}

async function reportConfig(web: WebContext, rc: ReportContext, t: Translator): Promise<ReportConfig> {
  return {
    apiKey: await webApiKey(web),
    serviceCode: rc.record.service_code,
    serviceType: rc.record.type,
    map: { ...mapConfig(web.options), center: await mapCenter(web.services.store, rc.j) },
    timezone: rc.j.timezone,
    maxPhotos: web.services.limits.maxMediaFiles,
    routed: false,
    messages: browserMessages(t),
  };
}

async function sendForm(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translator,
  rc: ReportContext,
  fields: FormFields,
  problems: Problems,
  geocode?: GeocodeView,
): Promise<FastifyReply> {
  const invalid = problems.errors.length > 0 || problems.serverProblems.length > 0;
  const who = await citizenOf(web, request);
  const title = invalid ? t('report.titleWithErrors', { service: rc.service.service_name }) : rc.service.service_name;
  return sendPublicPage(reply, web, t, {
    title,
    path: pathAndQuery(request),
    status: invalid ? 400 : 200,
    map: true,
    // Back after sending shows this very form again, with its one-time token (form-token.ts), rather than
    // a new one; only when it holds nothing personal (a signed-in citizen's form carries the e-mail).
    ...(!who && !invalid && { cacheControl: 'private, max-age=0' }),
    scripts: ['report.js'],
    main: reportPage(t, {
      service: rc.service,
      definition: rc.definition,
      fields,
      ...problems,
      nearby: await nearbyFor(web, request, rc, fields),
      ...(geocode && { geocode }),
      timezone: rc.j.timezone,
      config: await reportConfig(web, rc, t),
      ...(who && { account: { id: who.account.id, email: who.account.email } }),
      formToken: formTokenOf(fields) ?? newFormToken(),
      photoLimits: photoLimitsHint(t, web.services.limits),
    }),
  });
}

async function receiptOf(web: WebContext, rc: ReportContext, query: unknown): Promise<Receipt> {
  const id = param(query, 'id');
  if (id !== '') {
    const found = await web.services.store.getRequest(rc.j.id, id);
    if (found && found.service_code === rc.record.service_code) return { kind: 'request', id };
  }
  const token = param(query, 'token');
  if (token !== '') {
    try {
      const r = await requestServices.resolveToken(web.services, rc.j, token);
      return r.service_request_id ? { kind: 'request', id: r.service_request_id } : { kind: 'token', token };
    } catch (e) {
      if (isOpen311Failure(e)) return { kind: 'token', token };
      throw e;
    }
  }
  return { kind: 'blackbox' };
}

export function registerReportRoutes(app: FastifyInstance, web: WebContext): void {
  app.get('/report/:code', { schema: { hide: true } }, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rc = await loadReportContext(web, param(request.params, 'code'), t.locale);
    return sendForm(web, request, reply, t, rc, prefill(request.query), NO_PROBLEMS);
  }));

  app.post('/report/:code', { schema: { hide: true } }, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rc = await loadReportContext(web, param(request.params, 'code'), t.locale);
    const input = await readReportInput(request, web.services.limits);
    // The session decides the account of a report sent through this page, never the form.
    const who = await citizenOf(web, request);
    setReportOwner(input.fields, who);
    const located = await locateTyped(web, rc.j, input.fields, {
      withPhotos: input.photos.length > 0, otherwiseValid: () => checkReport(input.fields, rc.definition.attributes, t).length === 0, locale: t.locale,
    });
    if (located.kind === 'show') return sendForm(web, request, reply, t, rc, input.fields, NO_PROBLEMS, located.view);
    const outcome = await submitReport(web, rc.j, rc.record, rc.definition.attributes, input, t, request.ip);
    if (!outcome.ok) return sendForm(web, request, reply, t, rc, input.fields, outcome);
    await queueFormReceipt(web, request, rc.j, outcome.receipt, t.locale);
    return reply.redirect(confirmationPath(rc.record.service_code, outcome.receipt), 303);
  }));

  app.get('/report/:code/sent', { schema: { hide: true } }, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rc = await loadReportContext(web, param(request.params, 'code'), t.locale);
    const receipt = await receiptOf(web, rc, request.query);
    return sendPublicPage(reply, web, t, {
      title: t('sent.title'),
      path: pathAndQuery(request),
      scripts: receipt.kind === 'token' ? ['token-poll.js'] : [],
      main: sentPage(t, receipt, rc.record.service_notice, (await citizenOf(web, request)) !== undefined),
    });
  }));
}
