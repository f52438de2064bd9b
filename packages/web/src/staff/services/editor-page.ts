/**
 * The service editor: one form with every field and N question rows. Adding
 * or removing a question posts the whole form and shows it again (no
 * JavaScript needed); "Save" hands it to the server's staff service.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SERVICE_TYPES } from '@o311/georeport';
import { MAX_SLA_HOURS, type ResendRisk } from '@o311/server';
import { BLACKBOX_RECEIPTS } from '@o311/store';
import type { WebContext } from '../../context.js';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { csrfField } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { attributeRow } from './attribute-row.js';
import type { ServiceDraft } from './draft.js';
import { ADD_ATTRIBUTE, SAVE, SERVICE_FIELDS } from './field-ids.js';
import { errorSummary } from '../forms/error-summary.js';
import { checkbox, errorFor, selectField, textArea, textInput, type FieldError } from '../forms/fields.js';
import { translationFields } from './translation-fields.js';

export interface EditorState {
  draft: ServiceDraft;
  /** The code of the service being edited; undefined for a new one. */
  editing?: string;
  groups: readonly string[];
  errors?: readonly FieldError[];
  /** Row whose code field gets the focus (just added). */
  focusRow?: number;
  /** After removing a question: the focus goes to "add a question". */
  focusAdd?: boolean;
  /** Keys of clients that post again after a blackbox receipt, when this service gives one. */
  resendRisk?: ResendRisk;
  status?: number;
}

export const editorPath = (code: string | undefined): string =>
  code === undefined ? '/staff/services/new' : `/staff/services/${encodeURIComponent(code)}/edit`;

function serviceFields(t: Translator, s: EditorState, errors: readonly FieldError[]): Html {
  const d = s.draft;
  const f = SERVICE_FIELDS;
  const err = (id: string) => errorFor(errors, id);
  return html`<fieldset class="svc-service"><legend>${t('inbox.svc.service')}</legend>
${textInput({
  id: f.code, name: 'code', label: t('inbox.svc.code'), value: s.editing ?? d.code, required: s.editing === undefined, error: err(f.code),
  hint: t(s.editing === undefined ? 'inbox.svc.codeHint' : 'inbox.svc.codeFixed'), extra: s.editing === undefined ? undefined : html` readonly`,
})}
${textInput({ id: f.name, name: 'name', label: t('inbox.svc.name'), value: d.name, required: true, error: err(f.name) })}
${textArea({ id: f.description, name: 'description', label: t('inbox.svc.description'), value: d.description, rows: 3 })}
${textInput({ id: f.group, name: 'group', label: t('inbox.svc.group'), value: d.group, hint: t('inbox.svc.groupHint'), extra: html` list="svc-groups"` })}
<datalist id="svc-groups">${s.groups.map((g) => html`<option value="${g}"></option>`)}</datalist>
${textInput({ id: f.keywords, name: 'keywords', label: t('inbox.svc.keywords'), value: d.keywords, hint: t('inbox.svc.keywordsHint') })}
${selectField({
  id: f.type, name: 'type', label: t('inbox.svc.type'), value: d.type, hint: t('inbox.svc.typeHint'),
  choices: SERVICE_TYPES.map((x) => ({ value: x, label: t(`inbox.svcType.${x}`) })),
})}
${selectField({
  id: f.blackbox_receipt, name: 'blackbox_receipt', label: t('inbox.svc.receipt'), value: d.blackbox_receipt, hint: t('inbox.svc.receiptHint'),
  choices: BLACKBOX_RECEIPTS.map((x) => ({ value: x, label: t(`inbox.svcReceipt.${x}`) })),
})}
${resendWarning(t, s.resendRisk)}
${checkbox({ id: f.active, name: 'active', label: t('inbox.svc.active'), checked: d.active, hint: t('inbox.svc.activeHint') })}
${textInput({
  id: f.sla_hours, name: 'sla_hours', type: 'number', label: t('inbox.svc.sla'), value: d.sla_hours, hint: t('inbox.svc.slaHint'),
  error: err(f.sla_hours), extra: html` min="0" max="${MAX_SLA_HOURS}" step="any"`,
})}
${textInput({ id: f.agency, name: 'agency', label: t('inbox.svc.agency'), value: d.agency })}
${textArea({ id: f.notice, name: 'notice', label: t('inbox.svc.notice'), value: d.notice, rows: 2, hint: t('inbox.svc.noticeHint') })}
</fieldset>`;
}

/** Names the keys of resending clients that post (or may post) to a blackbox service that gives no id. */
function resendWarning(t: Translator, risk: ResendRisk | undefined): Html {
  if (!risk) return html``;
  const posted = risk.posted.map((p) => t.plural('inbox.svc.resendPosted', p.requests, { name: p.key.name, client: p.key.client ?? '' }));
  const idle = risk.idle.map((k) => t('inbox.svc.resendIdle', { name: k.name, client: k.client ?? '' }));
  return html`<div class="svc-notice svc-warning" role="status" id="svc-resend-warning"><p>${t(posted.length > 0 ? 'inbox.svc.resendWarning' : 'inbox.svc.resendMaybe')}</p>
<ul>${[...posted, ...idle].map((line) => html`<li>${line}</li>`)}</ul></div>`;
}

export function sendEditorPage(request: FastifyRequest, reply: FastifyReply, web: WebContext, s: EditorState): FastifyReply {
  const t = translatorFor(request, reply);
  const errors = s.errors ?? [];
  const title = s.editing === undefined ? t('inbox.svc.new') : t('inbox.svc.edit', { name: s.draft.name || s.editing });
  const save = html`<button type="submit" name="action" value="${SAVE}">${t('inbox.svc.save')}</button>`;
  const main = html`<p class="request-back"><a href="/staff/services">${t('inbox.svc.back')}</a></p>
<h1>${title}</h1>
${errorSummary(t, errors)}
<form method="post" action="${editorPath(s.editing)}" class="svc-form">${csrfField(request)}
<div class="svc-form-actions">${save}</div>
${serviceFields(t, s, errors)}
<fieldset class="svc-attributes"><legend>${t('inbox.svc.attributes')}</legend>
<p class="svc-hint">${t('inbox.svc.attributesHint')}</p>
${s.draft.attributes.length === 0 ? html`<p>${t('inbox.svc.noAttributes')}</p>` : ''}
${s.draft.attributes.map((a, i) => attributeRow(t, a, i, errors, s.focusRow === i))}
<button type="submit" name="action" value="${ADD_ATTRIBUTE}" formnovalidate${s.focusAdd ? html` autofocus` : ''}>${t('inbox.svc.addAttribute')}</button>
</fieldset>
${translationFields(t, s.draft, errors)}
<div class="svc-form-actions">${save} <a href="/staff/services">${t('common.cancel')}</a></div>
</form>`;
  return sendStaffPage(request, reply, web, { title, main, status: s.status, scripts: ['staff-services.js'] });
}
