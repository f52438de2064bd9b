/** POST …/comment: a public reply (followers told) or an internal note (staff only). */
import { audit } from '../../audit-trail.js';
import { formText } from '../../../form.js';
import { VISIBILITIES, type Visibility } from '../forms/comment-form.js';
import { FIELDS } from '../fields.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import { jurisdictionOf, type RequestAction } from './types.js';

const MAX_LENGTH = 10_000;
const isVisibility = (s: string): s is Visibility => (VISIBILITIES as readonly string[]).includes(s);

export const addComment: RequestAction = async (c) => {
  const { store } = c.web.services;
  const text = formText(c.request, FIELDS.comment.name);
  const visibility = formText(c.request, FIELDS.visibility.name);
  if (text === '' || text.length > MAX_LENGTH) {
    const message = text === '' ? c.t('inbox.req.commentMissing') : c.t('inbox.req.tooLong', { max: MAX_LENGTH });
    return { errors: [{ field: FIELDS.comment.id, message }] };
  }
  if (!isVisibility(visibility)) return { errors: [{ field: FIELDS.visibility.id, message: c.t('inbox.req.visibilityMissing') }] };
  if (!store.addComment) throw new Error('This store cannot add comments to requests.');
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  const isPublic = visibility === 'public';
  await store.addComment({ jurisdiction_id, request_id, description: text, public: isPublic, author: c.user.name });
  await audit(c.web, { actor: c.user.id, action: 'request.comment', jurisdiction_id, request_id, details: { public: isPublic } });
  if (isPublic) await notifySafely(c.web, c.request, jurisdiction_id, request_id);
  return { done: isPublic ? 'reply' : 'note' };
};
