/** A tier of government in the reader's language (the discover page's words). */
import type { Tier } from '@o311/georeport';
import type { Translator } from '../../i18n/translate.js';

export const tierLabel = (t: Translator, tier: Tier): string => t(`discover.tier.${tier}` as const);
