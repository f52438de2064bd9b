/** How a request reached the city, as staff read it (issue 15). */
import type { RequestChannel } from '@o311/georeport';
import type { Translator } from '../../i18n/translate.js';

export const channelLabel = (t: Translator, c: RequestChannel): string => t(`channel.${c}`);
