/** POST …/comment: a public reply (followers told) or an internal note (staff only), through the server's service. */
import { addComment as addCommentService, MAX_COMMENT_LENGTH } from '@o311/server';
import { formText } from '../../../form.js';
import { isVisibility } from '../forms/comment-form.js';
import { FIELDS } from '../fields.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import { actorOf, jurisdictionOf, type RequestAction } from './types.js';

export const addComment: RequestAction = async (c) => {
  const text = formText(c.request, FIELDS.comment.name);
  const visibility = formText(c.request, FIELDS.visibility.name);
  if (text === '' || text.length > MAX_COMMENT_LENGTH) {
    const message = text === '' ? c.t('inbox.req.commentMissing') : c.t('inbox.req.tooLong', { max: MAX_COMMENT_LENGTH });
    return { errors: [{ field: FIELDS.comment.id, message }] };
  }
  if (!isVisibility(visibility)) return { errors: [{ field: FIELDS.visibility.id, message: c.t('inbox.req.visibilityMissing') }] };
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  const isPublic = visibility === 'public';
  await addCommentService(c.web.services, actorOf(c), request_id, { jurisdiction_id, text, public: isPublic });
  if (isPublic) await notifySafely(c.web, c.request, jurisdiction_id, request_id);
  return { done: isPublic ? 'reply' : 'note' };
};
