/**
 * The contact centre (issue 15): GET and POST /staff/calls (look the caller
 * up, find the service; the service chosen answers its form), GET and POST
 * /staff/calls/report/:code (the request form; a refused send comes back with
 * its errors, status 400), GET /staff/calls/filed/:id (the number to read
 * out). Every route is behind callTakerGuard.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { callTaking } from '@o311/server';
import type { CallerHistory } from '@o311/store';
import type { WebContext } from '../../context.js';
import { formText, readForm } from '../../form.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { valueOf, type FormFields } from '../../citizen/form-state.js';
import { newFormToken, formTokenOf } from '../../citizen/form-token.js';
import { locateTyped } from '../../citizen/geocode-form.js';
import { mapCenter } from '../../citizen/map-center.js';
import { mapConfig } from '../../citizen/map-config.js';
import type { GeocodeView } from '../../citizen/geocode-view.js';
import { loadReportContext, type ReportContext } from '../../citizen/report-context.js';
import type { FieldError } from '../../citizen/report-check.js';
import { CSRF_FIELD } from '../auth/csrf.js';
import { sendStaffRefusal } from '../error-page.js';
import { csrfField, currentStaff } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { webJurisdiction } from '../request/jurisdiction.js';
import { trackerUrl } from '../request/public-link.js';
import { pathParam } from '../route-params.js';
import type { FieldError as StaffFieldError } from '../forms/fields.js';
import { webActorOf } from '../staff-actor.js';
import { callTakerGuard } from './access.js';
import { callFormPage } from './call-form-page.js';
import { checkCall, fileCall, textsReceipts, textsRefused } from './file-call.js';
import { filedPage } from './filed-page.js';
import { CALLS_PATH, filedPath } from './paths.js';
import { matchServices, searchableServices, type SearchableService, type ServiceMatches } from './service-search.js';
import { CALLER_FIELD_ID, MAX_CALLER_LENGTH, MAX_QUERY_LENGTH, startPage } from './start-page.js';

/** A field of the start form, cut at `max` (by default a contact's length, also enough for the service button's code). */
const typed = (request: FastifyRequest, name: string, max = MAX_CALLER_LENGTH): string => formText(request, name).slice(0, max);

interface Problems {
  errors: readonly FieldError[];
  serverProblems: readonly string[];
}

const NO_PROBLEMS: Problems = { errors: [], serverProblems: [] };

/** The form of a service; a 404 page for an unknown or inactive one. */
async function reportContext(
  web: WebContext, request: FastifyRequest, reply: FastifyReply, t: Translator, code = pathParam(request, 'code'),
): Promise<ReportContext | FastifyReply> {
  try {
    return await loadReportContext(web, code, t.locale);
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
    throw e;
  }
}

/** A fresh form starts with the contact the caller was looked up by. */
function startingFields(caller: string): FormFields {
  const contact = callTaking.callerContactOf(caller);
  const fields: FormFields = new Map();
  if (contact?.kind === 'email') fields.set('email', [contact.email]);
  if (contact?.kind === 'phone') fields.set('phone', [caller.trim()]);
  return fields;
}

async function sendForm(
  web: WebContext, request: FastifyRequest, reply: FastifyReply, t: Translator, rc: ReportContext, fields: FormFields, problems: Problems, geocode?: GeocodeView,
): Promise<FastifyReply> {
  const invalid = problems.errors.length > 0 || problems.serverProblems.length > 0;
  const title = t('calls.form.title', { service: rc.service.service_name });
  return sendStaffPage(request, reply, web, {
    title: invalid ? t('calls.form.titleWithErrors', { title }) : title,
    status: invalid ? 400 : 200,
    map: true,
    scripts: ['staff-call.js'],
    main: callFormPage(t, {
      service: rc.service, definition: rc.definition, fields, ...problems, ...(geocode && { geocode }),
      formToken: formTokenOf(fields) ?? newFormToken(), csrf: csrfField(request), locale: t.locale, sms: textsReceipts(web),
      map: { ...mapConfig(web.options), center: await mapCenter(web.services.store, rc.j) },
    }),
  });
}

export function registerCallPages(app: FastifyInstance, web: WebContext): void {
  const guarded = { preHandler: callTakerGuard(web) };
  const { store } = web.services;

  async function showStart(
    request: FastifyRequest, reply: FastifyReply, typedIn: { caller: string; query: string },
    searched?: { searchable: SearchableService[]; matches: ServiceMatches },
  ): Promise<FastifyReply> {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const searchable = searched?.searchable ?? (await searchableServices(store, j, t.locale));
    const errors: StaffFieldError[] = [];
    let history: CallerHistory | undefined;
    if (typedIn.caller !== '') {
      const contact = callTaking.callerContactOf(typedIn.caller);
      if (contact) history = await callTaking.lookUpCaller(web.services, webActorOf(currentStaff(request).user), j, contact);
      else errors.push({ field: CALLER_FIELD_ID, message: t('calls.error.caller', { min: callTaking.MIN_PHONE_DIGITS }) });
    }
    const main = startPage(t, {
      ...typedIn, services: searchable.map((s) => s.service), matches: searched?.matches ?? matchServices(searchable, typedIn.query, t.locale), timezone: j.timezone, errors, csrf: csrfField(request), ...(history && { history }),
    });
    return sendStaffPage(request, reply, web, { title: t('calls.title'), main, status: errors.length > 0 ? 400 : 200 });
  }

  app.get(CALLS_PATH, guarded, (request, reply) => showStart(request, reply, { caller: '', query: '' }));

  // The lookup, the service search, and the service chosen (its form, started with the caller's contact).
  app.post(CALLS_PATH, guarded, async (request, reply) => {
    const caller = typed(request, 'caller');
    const query = typed(request, 'q', MAX_QUERY_LENGTH);
    if (caller !== '' && callTaking.callerContactOf(caller) === undefined) return showStart(request, reply, { caller, query });
    const t = translatorFor(request, reply);
    let code = typed(request, 'service');
    if (code === '') {
      // Enter in the search opens the service it names: the only match, or the only one matched by name or keyword.
      const searchable = await searchableServices(store, await webJurisdiction(web), t.locale);
      const matches = matchServices(searchable, query, t.locale);
      const named = matches.named === 1 || matches.services.length === 1 ? matches.services[0] : undefined;
      if (!named) return showStart(request, reply, { caller, query }, { searchable, matches });
      code = named.service_code;
    }
    const rc = await reportContext(web, request, reply, t, code);
    if (!('j' in rc)) return rc;
    return sendForm(web, request, reply, t, rc, startingFields(caller), NO_PROBLEMS);
  });

  app.get(`${CALLS_PATH}/report/:code`, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rc = await reportContext(web, request, reply, t);
    if (!('j' in rc)) return rc;
    return sendForm(web, request, reply, t, rc, new Map(), NO_PROBLEMS);
  });

  app.post(`${CALLS_PATH}/report/:code`, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    const rc = await reportContext(web, request, reply, t);
    if (!('j' in rc)) return rc;
    const fields = new Map(readForm(request));
    fields.delete(CSRF_FIELD);
    const saving = valueOf(fields, 'geocode') === '';
    const located = await locateTyped(web, rc.j, fields, {
      withPhotos: false, otherwiseValid: () => checkCall(web, fields, rc.definition.attributes, t).length === 0, locale: t.locale,
    });
    if (located.kind === 'show') {
      // "Save" with an address and no point searched it: nothing was saved, and the summary says why.
      const unsaved = saving && located.view !== undefined
        ? { errors: [{ id: 'geocode-pick-0', message: t('calls.error.choosePlace', { address: located.view.query }) }], serverProblems: [] }
        : NO_PROBLEMS;
      return sendForm(web, request, reply, t, rc, fields, unsaved, located.view);
    }
    const outcome = await fileCall(web, request, currentStaff(request).user, { j: rc.j, service: rc.record, attributes: rc.definition.attributes }, fields, t);
    if (!outcome.ok) return sendForm(web, request, reply, t, rc, fields, outcome);
    return reply.redirect(filedPath(outcome.requestId), 303);
  });

  app.get(`${CALLS_PATH}/filed/:id`, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const r = await store.getRequest(j.id, pathParam(request, 'id'));
    // The "read the number to the caller" page is for what was filed by phone only.
    if (!r || r.channel !== 'phone') return sendStaffRefusal(request, reply, web, 'not-found');
    const smsStopped = await textsRefused(web, j, r.reporter.phone);
    return sendStaffPage(request, reply, web, {
      title: t('calls.filed.titleWithNumber', { id: r.id }), main: filedPage(t, r, trackerUrl(web, request, r.id), { smsStopped }),
    });
  });
}
