/**
 * /staff/registry: the registry of Open311 endpoints of every tier — list,
 * add, edit, upload a boundary, check now, delete. Global administrators
 * only: the registry is not any one jurisdiction's. Changes go through the
 * server's registry services, which audit them and queue the checks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure, isTier } from '@o311/georeport';
import { mapConfig } from '../../../citizen/map-config.js';
import { federationAdmin, monitorAdmin, parseEndpointFields, registryAdmin } from '@o311/server';
import { ENDPOINT_STATUSES, type EndpointStatus } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { readForm } from '../../../form.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import type { FieldError } from '../../forms/fields.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { pathParam, queryParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { readBoundaryUpload } from './boundary-upload.js';
import { EMPTY_DRAFT, draftFrom, draftOf, fieldErrors, type EndpointDraft } from './endpoint-draft.js';
import { endpointPageView } from './endpoint-page-view.js';
import { KEY_PROBLEMS, federationSection, type KeyProblem } from './federation-section.js';
import { KEY_DONE, registerFederationPages } from './federation-routes.js';
import { ENDPOINT_DASHBOARD_DONE, endpointSource, registerEndpointDashboardPages } from './dashboard-routes.js';
import { dashboardSection } from './dashboard-section.js';
import { MONITOR_DONE, registerMonitorPages } from './monitor-routes.js';
import { monitorSection, problemsOf } from './monitor-section.js';
import { endpointHref, registryListView, type RegistryFilterDraft } from './registry-list-view.js';

const DONE = {
  created: 'staff.registry.created',
  saved: 'staff.registry.saved',
  deleted: 'staff.registry.deleted',
  attached: 'staff.registry.attached',
  queued: 'staff.registry.queued',
  pending: 'staff.registry.pending',
  ...KEY_DONE,
  ...MONITOR_DONE,
  ...ENDPOINT_DASHBOARD_DONE,
} as const;

const LIST_LIMIT = 500;
const MAX_TEXT = 200;

interface PageState {
  draft?: EndpointDraft;
  errors?: FieldError[];
  uploadError?: string;
  status?: number;
}

export async function registerRegistryPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const upload = { preHandler: staffGuard(web, 'global-admin', { multipart: true }) };
  const { store } = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  app.get('/staff/registry', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const tier = queryParam(request, 'tier') ?? '';
    const status = queryParam(request, 'status') ?? '';
    const filter: RegistryFilterDraft = {
      text: (queryParam(request, 'text') ?? '').slice(0, MAX_TEXT),
      tier: isTier(tier) ? tier : '',
      status: (ENDPOINT_STATUSES as readonly string[]).includes(status) ? (status as EndpointStatus) : '',
    };
    const [jurisdiction, endpoints] = await Promise.all([
      webJurisdiction(web),
      store.listEndpoints({
        limit: LIST_LIMIT, offset: 0, text: filter.text,
        ...(filter.tier !== '' ? { tier: filter.tier } : {}), ...(filter.status !== '' ? { status: filter.status } : {}),
      }),
    ]);
    const main = registryListView(t, { jurisdiction, endpoints, filter, notice: doneNotice(request, t, DONE) });
    return sendStaffPage(request, reply, web, { title: t('staff.registry.title'), main });
  });

  async function showEndpoint(request: FastifyRequest, reply: FastifyReply, slug: string | undefined, state: PageState = {}) {
    const t = translatorFor(request, reply);
    const endpoint = slug === undefined ? undefined : await store.getEndpoint(slug);
    if (slug !== undefined && !endpoint) return sendStaffRefusal(request, reply, web, 'not-found');
    const boundary = endpoint?.boundary_id ? await store.getBoundary(endpoint.boundary_id) : undefined;
    const keyProblem = queryParam(request, 'key');
    const federation = endpoint
      ? federationSection(t, {
        slug: endpoint.slug, status: await federationAdmin.upstreamKeyStatus(web.services, endpoint.slug), csrf: csrfField(request),
        problem: keyProblem !== undefined && Object.hasOwn(KEY_PROBLEMS, keyProblem) ? (keyProblem as KeyProblem) : undefined,
      })
      : '';
    const jurisdiction = await webJurisdiction(web);
    // A retired endpoint is not monitored.
    const monitor = endpoint && endpoint.status !== 'retired'
      ? monitorSection(t, {
        slug: endpoint.slug, status: await monitorAdmin.monitorStatus(web.services, endpoint.slug), csrf: csrfField(request),
        timezone: jurisdiction.timezone, problems: problemsOf(queryParam(request, 'monitor')),
      })
      : '';
    const dashboard = endpoint
      ? dashboardSection(t, {
        slug: endpoint.slug, source: await endpointSource(web.services, actor(request).scope, endpoint.slug), csrf: csrfField(request), timezone: jurisdiction.timezone,
      })
      : '';
    const main = endpointPageView(t, {
      jurisdiction,
      endpoint, boundary,
      draft: state.draft ?? (endpoint ? draftOf(endpoint) : EMPTY_DRAFT),
      errors: state.errors ?? [],
      uploadError: state.uploadError,
      notice: doneNotice(request, t, DONE),
      csrf: csrfField(request),
      map: mapConfig(web.options),
      federation,
      monitor,
      dashboard,
    });
    const title = endpoint ? t('staff.registry.editTitle', { name: endpoint.name }) : t('staff.registry.newTitle');
    return sendStaffPage(request, reply, web, {
      title, main, status: state.status, map: boundary !== undefined, scripts: boundary ? ['registry-map.js'] : [],
    });
  }

  /** Saves the form; on a refusal the form again with the problems. */
  async function save(request: FastifyRequest, reply: FastifyReply, existing: string | undefined) {
    const draft = draftFrom(readForm(request));
    if (existing !== undefined) draft.slug = existing;
    try {
      await registryAdmin.saveEndpoint(web.services, actor(request), parseEndpointFields(draft));
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 400) {
        return showEndpoint(request, reply, existing, { draft, errors: fieldErrors(e.errors.map((x) => x.description)), status: 400 });
      }
      throw e;
    }
    return reply.redirect(`${endpointHref(draft.slug.trim().toLowerCase())}?done=${existing ? 'saved' : 'created'}`, 303);
  }

  app.get('/staff/registry/new', admin, (request, reply) => showEndpoint(request, reply, undefined));
  app.post('/staff/registry', admin, async (request, reply) => {
    const slug = draftFrom(readForm(request)).slug.trim().toLowerCase();
    if (slug !== '' && (await store.getEndpoint(slug))) {
      const t = translatorFor(request, reply);
      const draft = draftFrom(readForm(request));
      return showEndpoint(request, reply, undefined, { draft, errors: fieldErrors([`slug: ${t('staff.registry.slug')} '${slug}' — already taken.`]), status: 409 });
    }
    return save(request, reply, undefined);
  });
  app.get('/staff/registry/:slug', admin, (request, reply) => showEndpoint(request, reply, pathParam(request, 'slug')));
  app.post('/staff/registry/:slug', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    return save(request, reply, slug);
  });

  app.post('/staff/registry/:slug/boundary', upload, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    const endpoint = await store.getEndpoint(slug);
    if (!endpoint) return sendStaffRefusal(request, reply, web, 'not-found');
    let result;
    try {
      result = await readBoundaryUpload(request, web.services, endpoint, currentStaff(request).session.csrf_token);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 403) return sendStaffRefusal(request, reply, web, 'csrf');
      throw e;
    }
    if (!result.ok) return showEndpoint(request, reply, slug, { uploadError: result.problem, status: 400 });
    await registryAdmin.attachBoundary(web.services, actor(request), slug, result.boundary);
    return reply.redirect(`${endpointHref(slug)}?done=attached`, 303);
  });

  app.post('/staff/registry/:slug/check', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    const queued = await registryAdmin.checkNow(web.services, actor(request), slug);
    return reply.redirect(`${endpointHref(slug)}?done=${queued ? 'queued' : 'pending'}`, 303);
  });

  app.post('/staff/registry/:slug/delete', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    await registryAdmin.deleteEndpoint(web.services, actor(request), slug);
    return reply.redirect('/staff/registry?done=deleted', 303);
  });

  await registerFederationPages(app, web);
  await registerMonitorPages(app, web);
  await registerEndpointDashboardPages(app, web);
}
