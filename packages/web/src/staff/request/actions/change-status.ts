/** POST …/status: any extended status, with an optional public note. */
import { formText } from '../../../form.js';
import { FIELDS } from '../fields.js';
import { isExtendedStatus } from '../status-labels.js';
import { applyStatus } from './apply-status.js';
import type { RequestAction } from './types.js';

export const changeStatus: RequestAction = async (c) => {
  const status = formText(c.request, FIELDS.status.name);
  const note = formText(c.request, FIELDS.note.name);
  if (!isExtendedStatus(status)) return { errors: [{ field: FIELDS.status.id, message: c.t('inbox.req.statusInvalid') }] };
  if (status === c.data.request.status && note === '') {
    return { errors: [{ field: FIELDS.note.id, message: c.t('inbox.req.statusUnchanged') }] };
  }
  await applyStatus(c, status, note);
  return { done: 'status' };
};
