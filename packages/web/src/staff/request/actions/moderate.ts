/**
 * POST …/moderation: redacts a text or hides (shows again) a photo or link
 * through the server's moderation service, which checks scope, bounds and
 * audits; its refusals become messages on the form that was sent.
 */
import { isOpen311Failure } from '@o311/georeport';
import { moderation } from '@o311/server';
import { MAX_MODERATION_REASON } from '@o311/store';
import { formRaw, formText } from '../../../form.js';
import type { FieldError } from '../../forms/fields.js';
import { fieldId, MOD_FIELDS, type ModDone } from '../moderation-fields.js';
import { actorOf, jurisdictionOf, type ActionContext } from './types.js';

export type ModerationOutcome = { done: ModDone } | { errors: FieldError[] };

const TEXT_TARGETS = ['description', 'comment'] as const;
const MEDIA_TARGETS = ['photo', 'media_url'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export async function moderate(c: ActionContext): Promise<ModerationOutcome> {
  const key = formText(c.request, MOD_FIELDS.key);
  const action = formText(c.request, MOD_FIELDS.action);
  const target = formText(c.request, MOD_FIELDS.target);
  const target_id = formText(c.request, MOD_FIELDS.targetId);
  const reason = formText(c.request, MOD_FIELDS.reason);
  const reasonId = fieldId(key, 'reason');
  const textId = fieldId(key, 'text');
  const errors: FieldError[] = [];
  if (reason === '') errors.push({ field: reasonId, message: c.t('mod.reasonMissing') });
  else if ([...reason].length > MAX_MODERATION_REASON) errors.push({ field: reasonId, message: c.t('mod.reasonTooLong', { max: MAX_MODERATION_REASON }) });
  const common = { jurisdiction_id: jurisdictionOf(c), reason };
  try {
    if (action === 'redact' && isOneOf(TEXT_TARGETS, target)) {
      // Kept as typed: the public text may start or end with spaces or new lines.
      const text = formRaw(c.request, MOD_FIELDS.text).replace(/\r\n/g, '\n');
      const max = moderation.maxModeratedLength(target);
      if ([...text].length > max) errors.push({ field: textId, message: c.t('mod.textTooLong', { max }) });
      if (errors.length > 0) return { errors };
      await moderation.redactText(c.web.services, actorOf(c), c.data.request.id, { ...common, target, text, ...(target === 'comment' && { target_id }) });
      return { done: 'redact' };
    }
    if ((action === 'hide' || action === 'unhide') && isOneOf(MEDIA_TARGETS, target)) {
      if (errors.length > 0) return { errors };
      await (action === 'hide' ? moderation.hideMedia : moderation.unhideMedia)(c.web.services, actorOf(c), c.data.request.id, { ...common, target, target_id });
      return { done: action };
    }
    return { errors: [{ field: reasonId, message: c.t('mod.gone') }] };
  } catch (e) {
    if (!isOpen311Failure(e) || e.status >= 500) throw e;
    const message = e.status === 409 ? c.t('mod.unchanged') : e.status === 404 ? c.t('mod.gone') : e.message;
    return { errors: [{ field: reasonId, message }] };
  }
}
