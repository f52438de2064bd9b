/** The templates list (any staff; actions for administrators) and the template editor. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '@o311/server';
import type { ResponseTemplate } from '@o311/store';
import type { WebContext } from '../../context.js';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { csrfField, currentStaff } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { STATUSES, statusLabel } from '../request/status-labels.js';
import { errorSummary, notice } from '../forms/error-summary.js';
import { errorFor, selectField, textArea, textInput, type FieldError } from '../forms/fields.js';
import { TEMPLATE_FIELDS, type TemplateDraft } from './template-form.js';
import { scrollRegion } from '../inbox/scroll-region.js';

export const templateEditPath = (id: string | undefined): string =>
  id === undefined ? '/staff/templates/new' : `/staff/templates/${encodeURIComponent(id)}/edit`;

function row(request: FastifyRequest, t: Translator, x: ResponseTemplate, canEdit: boolean): Html {
  const actions = canEdit
    ? html`<td><a href="${templateEditPath(x.id)}">${t('inbox.tpl.edit')}<span class="sr-only"> ${x.name}</span></a>
<form method="post" action="/staff/templates/${encodeURIComponent(x.id)}/delete" class="inbox-inline-form">${csrfField(request)}
<button type="submit" class="inbox-link-button">${t('inbox.tpl.delete')}<span class="sr-only"> ${x.name}</span></button></form></td>`
    : '';
  return html`<tr><th scope="row">${x.name}</th><td>${x.status === null ? t('inbox.tpl.anyStatus') : statusLabel(t, x.status)}</td>
<td class="svc-template-body">${x.body}</td>${actions}</tr>`;
}

export function sendTemplateList(
  request: FastifyRequest, reply: FastifyReply, web: WebContext, templates: readonly ResponseTemplate[], message: string | undefined,
): FastifyReply {
  const t = translatorFor(request, reply);
  const { user } = currentStaff(request);
  const canEdit = roleAllows(user.role, 'admin', user.jurisdictions);
  const list = templates.length === 0
    ? html`<p>${t('inbox.tpl.none')}</p>`
    : scrollRegion(t('inbox.tpl.title'), html`<table class="svc-table"><caption class="sr-only">${t('inbox.tpl.title')}</caption>
<thead><tr><th scope="col">${t('inbox.tpl.name')}</th><th scope="col">${t('inbox.tpl.status')}</th><th scope="col">${t('inbox.tpl.body')}</th>
${canEdit ? html`<th scope="col">${t('inbox.tpl.actions')}</th>` : ''}</tr></thead>
<tbody>${[...templates].sort((a, b) => a.name.localeCompare(b.name)).map((x) => row(request, t, x, canEdit))}</tbody></table>`);
  const main = html`<h1>${t('inbox.tpl.title')}</h1>
${notice(message)}
<p>${t('inbox.tpl.intro')}</p>
${canEdit ? html`<p><a href="${templateEditPath(undefined)}" class="svc-button-link">${t('inbox.tpl.new')}</a></p>` : ''}
${list}`;
  return sendStaffPage(request, reply, web, { title: t('inbox.tpl.title'), main });
}

export function sendTemplateEditor(
  request: FastifyRequest, reply: FastifyReply, web: WebContext,
  s: { draft: TemplateDraft; id?: string; errors?: readonly FieldError[]; status?: number },
): FastifyReply {
  const t = translatorFor(request, reply);
  const errors = s.errors ?? [];
  const f = TEMPLATE_FIELDS;
  const title = s.id === undefined ? t('inbox.tpl.new') : t('inbox.tpl.editTitle', { name: s.draft.name });
  const statuses = [{ value: '', label: t('inbox.tpl.anyStatus') }, ...STATUSES.map((x) => ({ value: x, label: statusLabel(t, x) }))];
  const main = html`<p class="request-back"><a href="/staff/templates">${t('inbox.tpl.back')}</a></p>
<h1>${title}</h1>
${errorSummary(t, errors)}
<form method="post" action="${templateEditPath(s.id)}" class="svc-form">${csrfField(request)}
${textInput({ id: f.name, name: 'name', label: t('inbox.tpl.name'), value: s.draft.name, required: true, error: errorFor(errors, f.name) })}
${selectField({ id: f.status, name: 'status', label: t('inbox.tpl.status'), hint: t('inbox.tpl.statusHint'), value: s.draft.status, choices: statuses, error: errorFor(errors, f.status) })}
${textArea({ id: f.body, name: 'body', label: t('inbox.tpl.body'), value: s.draft.body, rows: 6, required: true, error: errorFor(errors, f.body) })}
<div class="svc-form-actions"><button type="submit">${t('common.save')}</button> <a href="/staff/templates">${t('common.cancel')}</a></div>
</form>`;
  return sendStaffPage(request, reply, web, { title, main, status: s.status });
}
