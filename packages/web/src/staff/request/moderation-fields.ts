/**
 * Names of the moderation forms' fields on the staff request page, where they
 * post, and the key that tells the forms apart (many sit on one page: each
 * shows the errors and typed values only of the one that was sent).
 */
import { requestPath } from './fields.js';
import type { FormState } from './form-state.js';

export const MOD_FIELDS = {
  key: 'mod_key',
  action: 'mod_action',
  target: 'mod_target',
  targetId: 'mod_target_id',
  text: 'mod_text',
  reason: 'mod_reason',
} as const;

export const MOD_DONE = ['redact', 'hide', 'unhide'] as const;
export type ModDone = (typeof MOD_DONE)[number];

export const moderationPath = (id: string): string => `${requestPath(id)}/moderation`;
/** Where a hidden upload is shown to staff (the public media route answers 404). */
export const hiddenMediaPath = (requestId: string, mediaId: string): string => `${requestPath(requestId)}/hidden-media/${encodeURIComponent(mediaId)}`;
/** The page after a moderation: `?moderated=<action>` says what was done, by the section's anchor. */
export const afterModeration = (id: string, done: ModDone): string => `${requestPath(id)}?moderated=${done}#request-moderation`;

/** A form's key, safe in element ids. */
export const formKey = (...parts: string[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120);
export const fieldId = (key: string, field: 'text' | 'reason'): string => `mod-${key}-${field}`;

/** The state of the form `key`: the page's state when that form was sent, else nothing typed. */
export const stateOf = (s: FormState, key: string): FormState =>
  s.values[MOD_FIELDS.key] === key ? s : { errors: [], values: {} };
