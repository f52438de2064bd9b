/**
 * The moderation forms of the staff request page: redact a text (a textarea
 * holding the current public text, and a required reason) and hide or show
 * again a photo or link (a reason and a button). Each posts to …/moderation
 * with its CSRF token; the server checks role and scope again.
 */
import type { FastifyRequest } from 'fastify';
import { MAX_MODERATION_REASON } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { csrfField } from '../../guard.js';
import { errorFor, textArea, textInput } from '../../forms/fields.js';
import { valueOf, type FormState } from '../form-state.js';
import { fieldId, MOD_FIELDS, moderationPath, stateOf } from '../moderation-fields.js';

export interface ModerationTarget {
  requestId: string;
  key: string;
  target: 'description' | 'comment' | 'photo' | 'media_url';
  targetId: string;
}

function hidden(o: ModerationTarget, action: string): Html {
  return html`<input type="hidden" name="${MOD_FIELDS.key}" value="${o.key}">
<input type="hidden" name="${MOD_FIELDS.action}" value="${action}">
<input type="hidden" name="${MOD_FIELDS.target}" value="${o.target}">
<input type="hidden" name="${MOD_FIELDS.targetId}" value="${o.targetId}">`;
}

const reasonField = (t: Translator, o: ModerationTarget, s: FormState, label: string, hint?: string): Html => textInput({
  id: fieldId(o.key, 'reason'), name: MOD_FIELDS.reason, label, required: true, value: valueOf(s, MOD_FIELDS.reason, ''),
  error: errorFor(s.errors, fieldId(o.key, 'reason')), extra: html` maxlength="${MAX_MODERATION_REASON}"`, ...(hint !== undefined && { hint }),
});

/** A text's redaction, folded under its summary unless it was just refused. */
export function redactForm(request: FastifyRequest, t: Translator, page: FormState, o: ModerationTarget & { summary: string; current: string }): Html {
  const s = stateOf(page, o.key);
  const open = s.errors.length > 0;
  return html`<details class="mod-redact"${open ? html` open` : ''}><summary>${o.summary}</summary>
<form method="post" action="${moderationPath(o.requestId)}">${csrfField(request)}${hidden(o, 'redact')}
${textArea({
  id: fieldId(o.key, 'text'), name: MOD_FIELDS.text, label: t('mod.text'), hint: t('mod.textHint'), rows: 4,
  value: valueOf(s, MOD_FIELDS.text, o.current), error: errorFor(s.errors, fieldId(o.key, 'text')),
})}
${reasonField(t, o, s, t('mod.reason'), t('mod.reasonHint'))}
<button type="submit">${t('mod.redact')}</button>
</form></details>`;
}

/** Hides or shows again one photo or link: a reason and a button. */
export function visibilityForm(
  request: FastifyRequest, t: Translator, page: FormState, o: ModerationTarget & { action: 'hide' | 'unhide'; reasonLabel: string; submit: string },
): Html {
  const s = stateOf(page, o.key);
  return html`<form class="mod-visibility" method="post" action="${moderationPath(o.requestId)}">${csrfField(request)}${hidden(o, o.action)}
${reasonField(t, o, s, o.reasonLabel)}
<button type="submit">${o.submit}</button>
</form>`;
}
