/**
 * The photo limits in the reader's words ("each photo at most 10 MB"), and the
 * form's messages for photos the server left out (report-multipart.ts).
 */
import type { Limits } from '@o311/server';
import type { Translator } from '../i18n/translate.js';
import type { DroppedPhoto } from './report-multipart.js';

/** Megabytes as people count them on their phones (1 MB = 1,048,576 bytes here, as the caps are set). */
export function megabytes(t: Translator, bytes: number): string {
  const mb = Math.floor((bytes / (1024 * 1024)) * 10) / 10;
  return `${t.number(mb)} MB`;
}

export const photoLimitsHint = (t: Translator, limits: Limits): string =>
  t('form.photo.limits', { each: megabytes(t, limits.mediaLimitBytes), total: megabytes(t, limits.mediaTotalLimitBytes) });

export function droppedMessage(t: Translator, limits: Limits, d: DroppedPhoto): string {
  switch (d.limit) {
    case 'size':
      return t('form.photo.tooBig', { name: d.name, max: megabytes(t, limits.mediaLimitBytes) });
    case 'total':
      return t('form.photo.overTotal', { name: d.name, total: megabytes(t, limits.mediaTotalLimitBytes) });
    case 'count':
      return t('form.photo.extra', { name: d.name, max: limits.maxMediaFiles });
  }
}
