/**
 * What a conversation knows of the city (conversation.ts ConversationWorld),
 * read from the store and the geocoder: the active services of the
 * jurisdiction in the reporter's language, and the best point for an address.
 */
import { GeocoderError } from '@o311/geocoder';
import type { ServiceContext } from '@o311/server';
import type { Jurisdiction, ServiceRecord } from '@o311/store';
import type { ConversationWorld, SmsService } from './conversation.js';
import { folded } from './keywords.js';
import { questionsOf } from './questions.js';
import type { SmsLocale } from './texts.js';

/** Geocoder matches below this score are not trusted for a report's location. */
const MIN_SCORE = 0.3;

function smsService(s: ServiceRecord, locale: SmsLocale): SmsService {
  const tr = s.translations[locale];
  const name = tr?.service_name ?? s.service_name;
  const keywords = (tr?.keywords ?? s.keywords ?? '').split(',');
  return {
    code: s.service_code,
    name,
    words: [name, ...keywords].map(folded).filter((w) => w !== ''),
    questions: questionsOf(s.attributes, tr),
  };
}

export function storeWorld(ctx: ServiceContext, j: Jurisdiction): ConversationWorld {
  return {
    async services(locale) {
      return (await ctx.store.listServices(j.id)).map((s) => smsService(s, locale));
    },
    async locate(text, locale) {
      try {
        const [best] = await ctx.geocoder.search({ text, jurisdiction_id: j.id, limit: 1, language: locale });
        return best && best.score >= MIN_SCORE ? { label: best.label, lat: best.lat, long: best.long } : 'not-found';
      } catch (e) {
        if (e instanceof GeocoderError) return e.kind === 'bad-query' ? 'not-found' : 'unavailable';
        throw e;
      }
    },
  };
}
