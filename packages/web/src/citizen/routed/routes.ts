/**
 * Reporting to any endpoint covering a point (issue 11): GET /report/at (place
 * the point, then pick among every tier's services), GET and POST
 * /report/to/{slug:CODE} (another endpoint's form, sent through the federated
 * endpoint) and GET /report/to/{slug:CODE}/sent (the token, then the
 * federated id once delivered).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unknownToken } from '@o311/georeport';
import { parseFederatedName } from '@o311/server';
import type { WebContext } from '../../context.js';
import { html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { citizenOf } from '../../account/authenticate.js';
import { FEDERATED_TOKENS, pendingToken } from '../../tracker/pending-token.js';
import { EMPTY_FORM, valueOf, type FormFields } from '../form-state.js';
import { formTokenOf, newFormToken } from '../form-token.js';
import { webJurisdiction } from '../jurisdiction.js';
import { mapCenter, type MapView } from '../map-center.js';
import { mapConfig } from '../map-config.js';
import { sendPublicPage } from '../page.js';
import { param, pathAndQuery, publicHandler } from '../public-handler.js';
import { browserMessages, type ReportConfig } from '../report-config.js';
import type { FieldError } from '../report-check.js';
import { readReportInput } from '../report-input.js';
import { reportPage, reportPath } from '../report-page.js';
import { sentPage } from '../sent-page.js';
import { placePath, pointOf, queryPoint, routedReportPath, routedSentPath, type Point } from './paths.js';
import { loadHandlers } from './picker.js';
import { placePage, type PlaceConfig } from './place-page.js';
import { endpointName, routedReceipt } from './routed-receipt.js';
import { loadRoutedService, type RoutedService } from './routed-service.js';
import { submitRouted } from './submit-routed.js';
import { tierLabel } from './tier-label.js';
import { routedHandler } from './unavailable-page.js';

const opts = { schema: { hide: true } };
const MAX_TYPED = 40;
/** Close enough to see the street. */
const POINT_ZOOM = 16;

const nameParam = (params: unknown): string => param(params, 'name');

async function centerOf(web: WebContext, point: Point | undefined): Promise<MapView> {
  return point ? { ...point, zoom: POINT_ZOOM } : mapCenter(web.services.store, await webJurisdiction(web));
}

async function placeConfig(web: WebContext, t: Translator, point: Point | undefined): Promise<PlaceConfig> {
  const keys = ['location.marker', 'location.chosen', 'location.locating', 'location.found', 'location.denied', 'location.unsupported'] as const;
  return {
    map: { ...mapConfig(web.options), center: await centerOf(web, point) },
    messages: Object.fromEntries(keys.map((k) => [k, t(k)])) as PlaceConfig['messages'],
  };
}

/** Prefill of the routed form: the point the picker came from. */
function prefill(query: unknown): FormFields {
  const point = queryPoint(query);
  return point ? new Map([['lat', [String(point.lat)]], ['long', [String(point.long)]]]) : EMPTY_FORM;
}

async function sendRoutedForm(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translator,
  rs: RoutedService,
  fields: FormFields,
  problems: { errors: readonly FieldError[]; serverProblems: readonly string[] },
): Promise<FastifyReply> {
  const j = await webJurisdiction(web);
  const who = await citizenOf(web, request);
  const invalid = problems.errors.length > 0 || problems.serverProblems.length > 0;
  const point = pointOf(valueOf(fields, 'lat'), valueOf(fields, 'long'));
  const config: ReportConfig = {
    // Never used: the browser posts a routed report to its page.
    apiKey: '',
    serviceCode: rs.name,
    serviceType: rs.service.type,
    map: { ...mapConfig(web.options), center: await centerOf(web, point) },
    timezone: j.timezone,
    maxPhotos: 0,
    routed: true,
    messages: browserMessages(t),
  };
  const handler = { name: rs.endpoint.name, tier: tierLabel(t, rs.endpoint.tier) };
  return sendPublicPage(reply, web, t, {
    title: invalid ? t('report.titleWithErrors', { service: rs.service.service_name }) : rs.service.service_name,
    path: pathAndQuery(request),
    status: invalid ? 400 : 200,
    map: true,
    scripts: ['report.js'],
    main: reportPage(t, {
      service: rs.service,
      definition: rs.definition,
      fields,
      ...problems,
      nearby: [],
      timezone: j.timezone,
      config,
      formToken: formTokenOf(fields) ?? newFormToken(),
      ...(who && { account: { id: who.account.id, email: who.account.email } }),
      routed: {
        action: routedReportPath(rs.name),
        handledBy: t('routed.handledBy', handler),
        privacy: t('routed.privacy', { name: rs.endpoint.name }),
      },
    }),
  });
}

/** The city's own service asked by its federated name: its own form, with the same query. */
async function homeForm(web: WebContext, rs: RoutedService, url: string): Promise<string | undefined> {
  const j = await webJurisdiction(web);
  if (!rs.endpoint.local || rs.endpoint.jurisdiction_id !== j.id) return undefined;
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return `${reportPath(parseFederatedName(rs.name)!.local)}${query}`;
}

export function registerRoutedReportRoutes(app: FastifyInstance, web: WebContext): void {
  app.get('/report/at', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    // Echoed into the form when wrong: a coordinate needs no more.
    const lat = param(request.query, 'lat').slice(0, MAX_TYPED);
    const long = param(request.query, 'long').slice(0, MAX_TYPED);
    const point = queryPoint(request.query);
    const picked = point ? { point, handlers: await loadHandlers(web, await webJurisdiction(web), point, t.locale) } : undefined;
    const invalid = point === undefined && (lat !== '' || long !== '');
    return sendPublicPage(reply, web, t, {
      title: invalid ? `${t('common.error')}: ${t('place.title')}` : t('place.title'),
      path: pathAndQuery(request),
      status: invalid ? 400 : 200,
      map: true,
      scripts: ['place.js'],
      main: placePage(t, { lat, long, invalid, ...(picked && { picked }), config: await placeConfig(web, t, point) }),
    });
  }));

  app.get('/report/to/:name', opts, routedHandler(web, nameParam, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rs = await loadRoutedService(web, nameParam(request.params), t.locale);
    const home = await homeForm(web, rs, request.url);
    if (home !== undefined) return reply.redirect(home, 303);
    return sendRoutedForm(web, request, reply, t, rs, prefill(request.query), { errors: [], serverProblems: [] });
  }));

  app.post('/report/to/:name', opts, routedHandler(web, nameParam, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rs = await loadRoutedService(web, nameParam(request.params), t.locale);
    const input = await readReportInput(request, web.services.limits);
    const outcome = await submitRouted(web, rs, input, await citizenOf(web, request), t, request.ip);
    if (!outcome.ok) return sendRoutedForm(web, request, reply, t, rs, input.fields, outcome);
    return reply.redirect(routedSentPath(rs.name, outcome.stored.token), 303);
  }));

  app.get('/report/to/:name/sent', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const name = nameParam(request.params);
    const token = param(request.query, 'token');
    const receipt = await routedReceipt(web, token);
    const stored = receipt?.stored;
    if (stored === undefined || `${stored.endpoint_slug}:${stored.service_code}` !== name) throw unknownToken(token);
    const endpoint = await endpointName(web, stored.endpoint_slug);
    if (receipt!.kind === 'refused') {
      return sendPublicPage(reply, web, t, {
        title: t('common.error'),
        path: pathAndQuery(request),
        main: html`<h1>${t('common.error')}</h1>
<p id="refused">${t('routed.refused', { name: endpoint, reason: receipt!.reason })}</p>
<p><a href="${placePath(stored.fields.lat !== null && stored.fields.long !== null ? { lat: stored.fields.lat, long: stored.fields.long } : undefined)}">${t('place.change')}</a></p>`,
      });
    }
    const shown = receipt!.kind === 'request' ? { kind: 'request' as const, id: receipt!.id } : { kind: 'token' as const, token };
    return sendPublicPage(reply, web, t, {
      title: t('sent.title'),
      path: pathAndQuery(request),
      scripts: shown.kind === 'token' ? ['token-poll.js'] : [],
      main: sentPage(t, shown, null, (await citizenOf(web, request)) !== undefined, FEDERATED_TOKENS),
    });
  }));
}
