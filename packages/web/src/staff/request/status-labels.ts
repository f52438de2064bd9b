/** The extended statuses and priorities, in the order staff pick them, with their labels. */
import { EXTENDED_STATUSES, type ExtendedStatus, type PublicStatus } from '@o311/georeport';
import { PRIORITIES, type Priority } from '@o311/store';
import type { Translator } from '../../i18n/translate.js';

export const STATUSES = Object.keys(EXTENDED_STATUSES) as ExtendedStatus[];

export const isExtendedStatus = (s: string): s is ExtendedStatus => Object.hasOwn(EXTENDED_STATUSES, s);
export const isPriority = (s: string): s is Priority => (PRIORITIES as readonly string[]).includes(s);

export const statusLabel = (t: Translator, s: ExtendedStatus): string => t(`inbox.status.${s}`);
export const publicStatusLabel = (t: Translator, s: PublicStatus): string => t(`common.status.${s}`);
export const priorityLabel = (t: Translator, p: Priority): string => t(`inbox.priority.${p}`);

/** "Fixed (closed)": the detailed status with what the public API shows. */
export const statusWithPublic = (t: Translator, s: ExtendedStatus): string =>
  s === 'open' || s === 'closed' ? statusLabel(t, s) : `${statusLabel(t, s)} (${publicStatusLabel(t, EXTENDED_STATUSES[s])})`;
