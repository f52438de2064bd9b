/** How a request reached the city (issue 15), in the reader's language: the staff pages and the dashboard. */
import type { RequestChannel } from '@o311/georeport';
import type { Translator } from './i18n/translate.js';

export const channelLabel = (t: Translator, c: RequestChannel): string => t(`channel.${c}`);
