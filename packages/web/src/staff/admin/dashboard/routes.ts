/**
 * /staff/dashboards (administrators): the dashboard's sources within the
 * admin's scope, and each source's page: settings, areas (an uploaded GeoJSON
 * file or the registry's boundaries), rebuild and, for a registry endpoint
 * (global admins only), its harvest and "Harvest now". Every read and change
 * goes through the server's dashboard services, the staff API's own (scoped
 * and audited there: a local source outside the scope is not found, an
 * endpoint source is refused to other admins); forms post and redirect, so
 * nothing needs JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { dashboardAdmin, freshDashboard } from '@o311/server';
import { GLOBAL_SCOPE } from '@o311/store';
import { mapConfig } from '../../../citizen/map-config.js';
import type { WebContext } from '../../../context.js';
import { formText } from '../../../form.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import type { FieldError } from '../../forms/fields.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { ROLE_LABELS } from '../../roles.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { AREA_FILE_MB, readAreaUpload } from './area-upload.js';
import { hasPreview, sourcePageView, SETTINGS_IDS, type SourcePageView } from './source-page-view.js';
import { DASHBOARD_ADMIN_PATH, sourceAdminHref, sourcesView } from './sources-view.js';

export const DASHBOARD_DONE = {
  saved: 'staff.dashboard.saved',
  areas: 'staff.dashboard.areasSetShort',
  rebuilt: 'staff.dashboard.rebuilt',
  'harvest-queued': 'staff.dashboard.harvestQueued',
  'harvest-pending': 'staff.dashboard.harvestPending',
  'harvest-disabled': 'staff.dashboard.harvestDisabled',
} as const;

interface PageState {
  draft?: SourcePageView['draft'];
  errors?: FieldError[];
  areaProblems?: string[];
  status?: number;
}

/** A checkbox of the posted form is ticked. */
export const ticked = (request: FastifyRequest, name: string): boolean => ['on', 'true', '1'].includes(formText(request, name));

export async function registerDashboardAdminPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'admin') };
  const upload = { preHandler: staffGuard(web, 'admin', { multipart: true }) };
  const ctx = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  /** Runs a page or change; a source out of reach is the not-found page (another jurisdiction's) or the forbidden one (an endpoint's). */
  async function reached(request: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      if (isOpen311Failure(e) && e.status === 403) {
        const t = translatorFor(request, reply);
        return sendStaffRefusal(request, reply, web, 'forbidden', {
          role: t(ROLE_LABELS[currentStaff(request).user.role]), permission: t('staff.permission.globalAdmin'),
        });
      }
      throw e;
    }
  }

  app.get(DASHBOARD_ADMIN_PATH, admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const scope = actor(request).scope;
    await freshDashboard(ctx);
    const [jurisdiction, sources] = await Promise.all([webJurisdiction(web), dashboardAdmin.sourcesWithAreaCounts(ctx, scope)]);
    const main = sourcesView(t, {
      sources, primaryId: jurisdiction.id, timezone: jurisdiction.timezone, global: scope === GLOBAL_SCOPE, notice: doneNotice(request, t, DASHBOARD_DONE),
    });
    return sendStaffPage(request, reply, web, { title: t('staff.dashboard.title'), main });
  });

  async function showSource(request: FastifyRequest, reply: FastifyReply, id: string, state: PageState = {}) {
    const t = translatorFor(request, reply);
    const scope = actor(request).scope;
    await freshDashboard(ctx);
    const [jurisdiction, source, areas] = await Promise.all([
      webJurisdiction(web), dashboardAdmin.getSource(ctx, scope, id), dashboardAdmin.sourceAreas(ctx, scope, id),
    ]);
    const main = sourcePageView(t, {
      source, areas, primaryId: jurisdiction.id, timezone: jurisdiction.timezone,
      notice: doneNotice(request, t, DASHBOARD_DONE), csrf: csrfField(request),
      draft: state.draft, errors: state.errors ?? [], areaProblems: state.areaProblems ?? [],
      limits: {
        mb: AREA_FILE_MB, features: dashboardAdmin.AREA_LIMITS.features, maxLabel: dashboardAdmin.MAX_AREA_LABEL,
        names: dashboardAdmin.NAME_PROPERTIES.slice(0, 4),
      },
      map: mapConfig(web.options),
    });
    const preview = hasPreview(areas);
    return sendStaffPage(request, reply, web, {
      title: t('staff.dashboard.sourceTitle', { name: source.name }), main, status: state.status, map: preview, scripts: preview ? ['registry-map.js'] : [],
    });
  }

  const path = `${DASHBOARD_ADMIN_PATH}/:id`;
  const done = (reply: FastifyReply, id: string, code: keyof typeof DASHBOARD_DONE, anchor = '') =>
    reply.redirect(`${sourceAdminHref(id)}?done=${code}${anchor}`, 303);

  app.get(path, admin, (request, reply) => reached(request, reply, () => showSource(request, reply, pathParam(request, 'id'))));

  app.post(path, admin, (request, reply) => reached(request, reply, async () => {
    const t = translatorFor(request, reply);
    const id = pathParam(request, 'id');
    await dashboardAdmin.getSource(ctx, actor(request).scope, id);
    const draft = { enabled: ticked(request, 'enabled'), area_label: formText(request, 'area_label') };
    try {
      await dashboardAdmin.saveSourceSettings(ctx, actor(request), id, { enabled: draft.enabled, area_label: draft.area_label });
    } catch (e) {
      if (!(isOpen311Failure(e) && e.status === 400)) throw e;
      // The one field the service can refuse here.
      const errors = [{ field: SETTINGS_IDS.area_label, message: t('staff.dashboard.areaLabelError', { max: dashboardAdmin.MAX_AREA_LABEL }) }];
      return showSource(request, reply, id, { draft, errors, status: 400 });
    }
    return done(reply, id, 'saved');
  }));

  app.post(`${path}/areas`, upload, (request, reply) => reached(request, reply, async () => {
    const t = translatorFor(request, reply);
    const id = pathParam(request, 'id');
    await dashboardAdmin.getSource(ctx, actor(request).scope, id);
    let file;
    try {
      file = await readAreaUpload(request, ctx, currentStaff(request).session.csrf_token, t);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 403) return sendStaffRefusal(request, reply, web, 'csrf');
      throw e;
    }
    if (!file.ok) return showSource(request, reply, id, { areaProblems: file.problems, status: 400 });
    try {
      await dashboardAdmin.setAreasFromFile(ctx, actor(request), id, file.body, file.nameProperty);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 400) return showSource(request, reply, id, { areaProblems: e.errors.map((x) => x.description), status: 400 });
      throw e;
    }
    return done(reply, id, 'areas', '#areas');
  }));

  app.post(`${path}/areas/registry`, admin, (request, reply) => reached(request, reply, async () => {
    const id = pathParam(request, 'id');
    try {
      await dashboardAdmin.setAreasFromRegistry(ctx, actor(request), id);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 400) return showSource(request, reply, id, { areaProblems: e.errors.map((x) => x.description), status: 400 });
      throw e;
    }
    return done(reply, id, 'areas', '#areas');
  }));

  app.post(`${path}/rebuild`, admin, (request, reply) => reached(request, reply, async () => {
    const id = pathParam(request, 'id');
    await dashboardAdmin.rebuildNow(ctx, actor(request), id);
    return done(reply, id, 'rebuilt');
  }));

  app.post(`${path}/harvest`, admin, (request, reply) => reached(request, reply, async () => {
    const id = pathParam(request, 'id');
    try {
      return done(reply, id, (await dashboardAdmin.harvestNow(ctx, actor(request), id)) ? 'harvest-queued' : 'harvest-pending');
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 409) return done(reply, id, 'harvest-disabled');
      throw e;
    }
  }));
}

