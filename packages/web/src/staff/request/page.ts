/**
 * The staff page of one request: facts, description and answers, photos, map,
 * the reporter's contact data, the actions (for agents and admins: the one
 * form at the top, the duplicate form below), the full history and the audit trail.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '@o311/server';
import type { WebContext } from '../../context.js';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { currentStaff } from '../guard.js';
import { mapBlock, requestMarkers } from '../inbox/map-block.js';
import { sendStaffPage } from '../page.js';
import { errorSummary, notice } from '../forms/error-summary.js';
import { EMPTY_FORM_STATE, type FormState } from './form-state.js';
import { duplicateForm } from './forms/duplicate-form.js';
import { updateForm } from './forms/update-form.js';
import type { RequestPageData } from './load.js';
import { answers } from './view/answers.js';
import { auditTrail } from './view/audit.js';
import { history } from './view/history.js';
import { photos } from './view/photos.js';
import { moderationSection, photoTools } from './view/moderation.js';
import { reporter } from './view/reporter.js';
import { summary } from './view/summary.js';

export interface RequestPageState extends FormState {
  notice?: string;
  status?: number;
}

/** Secondary actions, below the request (the one form is at the top). */
function actions(request: FastifyRequest, t: Translator, data: RequestPageData, s: RequestPageState): Html {
  return html`<section class="request-actions" aria-labelledby="request-actions-title">
<h2 id="request-actions-title">${t('inbox.req.actions')}</h2>
${duplicateForm(request, t, data, s)}
</section>`;
}

export function sendRequestPage(
  request: FastifyRequest, reply: FastifyReply, web: WebContext, data: RequestPageData, state: RequestPageState = EMPTY_FORM_STATE,
): FastifyReply {
  const t = translatorFor(request, reply);
  const r = data.request;
  const { user } = currentStaff(request);
  const canManage = roleAllows(user.role, 'manage-requests', user.jurisdictions);
  const serviceName = data.directory.serviceName(r.service_code, r.service_name);
  const markers = requestMarkers([r], () => `${r.id} · ${serviceName}`);
  const title = t('inbox.req.title', { id: r.id });
  const main = html`<p class="request-back"><a href="/staff">${t('inbox.req.back')}</a></p>
<h1>${title} <span class="request-service">${serviceName}</span></h1>
${errorSummary(t, state.errors)}${notice(state.notice)}
<div class="request-layout">
<div class="request-main">
${canManage ? updateForm(request, t, data, state) : ''}
${summary(t, data, web.services.now())}
${answers(t, data)}
${photos(t, data, canManage ? photoTools(request, t, data, state) : undefined)}
${mapBlock(web, { id: 'request-map', label: t('inbox.req.map'), markers })}
${reporter(t, data)}
${moderationSection(request, t, data, state, user)}
${canManage ? actions(request, t, data, state) : html`<p class="request-readonly">${t('inbox.req.readOnly')}</p>`}
</div>
<div class="request-side">
${history(t, data)}
${auditTrail(t, data)}
</div>
</div>`;
  const scripts = [...(markers.length > 0 ? ['staff-map.js'] : []), ...(canManage ? ['staff-request.js'] : [])];
  return sendStaffPage(request, reply, web, { title, main, status: state.status, map: markers.length > 0, scripts });
}
