/**
 * POST …/duplicate: the original must exist (and be another request); the
 * server's service records the link and closes the request as `duplicate`
 * with a public note pointing to the original's tracker page.
 */
import { markDuplicate as markDuplicateService } from '@o311/server';
import { formText } from '../../../form.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import { FIELDS } from '../fields.js';
import { trackerUrl } from '../public-link.js';
import { actorOf, jurisdictionOf, type RequestAction } from './types.js';

export const markDuplicate: RequestAction = async (c) => {
  const { store } = c.web.services;
  const original = formText(c.request, FIELDS.duplicateOf.name).replace(/^#/, '');
  const extra = formText(c.request, FIELDS.duplicateNote.name);
  const field = FIELDS.duplicateOf.id;
  if (original === '') return { errors: [{ field, message: c.t('inbox.req.originalMissing') }] };
  if (original === c.data.request.id) return { errors: [{ field, message: c.t('inbox.req.originalSelf') }] };
  const jurisdiction_id = jurisdictionOf(c);
  if (!(await store.getRequest(jurisdiction_id, original))) {
    return { errors: [{ field, message: c.t('inbox.req.originalUnknown', { id: original }) }] };
  }
  const note = c.t('inbox.req.duplicatePublicNote', { id: original, url: trackerUrl(c.web, c.request, original) });
  const request_id = c.data.request.id;
  await markDuplicateService(c.web.services, actorOf(c), request_id, {
    jurisdiction_id, original, note: extra === '' ? note : `${note}\n\n${extra}`,
  });
  await notifySafely(c.web, c.request, jurisdiction_id, request_id);
  return { done: 'duplicate' };
};
