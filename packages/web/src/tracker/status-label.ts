/** Extended statuses in words, and whether each counts as open or closed. */
import { EXTENDED_STATUSES, type ExtendedStatus } from '@o311/georeport';
import type { MessageKey, Translator } from '../i18n/translate.js';

export const statusKey = (s: ExtendedStatus): MessageKey => `common.status.${s}`;

export const statusLabel = (t: Translator, s: ExtendedStatus): string => t(statusKey(s));

export const isClosed = (s: ExtendedStatus): boolean => EXTENDED_STATUSES[s] === 'closed';
