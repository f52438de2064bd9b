/**
 * POST …/duplicate: the original must exist (and be another request); the
 * triage records the link and the request is closed as `duplicate` with a
 * public note pointing to the original's tracker page.
 */
import { formText } from '../../../form.js';
import { FIELDS } from '../fields.js';
import { trackerUrl } from '../public-link.js';
import { applyStatus } from './apply-status.js';
import { jurisdictionOf, type RequestAction } from './types.js';

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
  await store.updateTriage({ jurisdiction_id, request_id: c.data.request.id, actor: c.user.id, duplicate_of: original });
  const note = c.t('inbox.req.duplicatePublicNote', { id: original, url: trackerUrl(c.web, c.request, original) });
  await applyStatus(c, 'duplicate', extra === '' ? note : `${note}\n\n${extra}`);
  return { done: 'duplicate' };
};
