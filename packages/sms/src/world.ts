/**
 * What a conversation knows of the city (conversation.ts ConversationWorld),
 * read from the store and the geocoder: the active services of the
 * jurisdiction in the reporter's language, and the best point for an address.
 */
import { GeocoderError } from '@o311/geocoder';
import type { ServiceContext } from '@o311/server';
import type { BBox } from '@o311/georeport';
import type { Jurisdiction, ServiceRecord } from '@o311/store';
import { MAX_PLACES, type ConversationWorld, type SmsService } from './conversation.js';
import { toGsm7 } from './gsm7.js';
import { folded } from './keywords.js';
import { questionsOf } from './questions.js';
import type { SmsLocale } from './texts.js';

/** Geocoder matches below this score are not trusted for a report's location. */
const MIN_SCORE = 0.3;
/** Matches this close to the best score are as good as it. */
const TIE = 0.01;
/** Degrees under which two matches are one place (about 50 m). */
const SAME = 0.0005;
/** Degrees around the served boundary's box still taken as in it (about 1 km). */
const MARGIN = 0.01;

function smsService(s: ServiceRecord, locale: SmsLocale): SmsService {
  const tr = s.translations[locale];
  const name = tr?.service_name ?? s.service_name;
  const keywords = (tr?.keywords ?? s.keywords ?? '').split(',');
  return {
    code: s.service_code,
    name: toGsm7(name),
    words: [name, ...keywords].map(folded).filter((w) => w !== ''),
    questions: questionsOf(s.attributes, tr).map((q) => ({ ...q, text: toGsm7(q.text), values: q.values.map((v) => ({ ...v, name: toGsm7(v.name) })) })),
  };
}

/** The box of the boundary the registry gives the jurisdiction's own endpoint, if any: [west, south, east, north]. */
async function servedBox(ctx: ServiceContext, j: Jurisdiction): Promise<BBox | undefined> {
  const [own] = await ctx.store.listEndpoints({ local_jurisdiction: j.id, limit: 1, offset: 0 });
  return own?.boundary_id ? (await ctx.store.getBoundary(own.boundary_id))?.bbox : undefined;
}

export function storeWorld(ctx: ServiceContext, j: Jurisdiction): ConversationWorld {
  let box: Promise<BBox | undefined> | undefined;
  return {
    async inside({ lat, long }) {
      // 0,0 is where a phone that has no fix puts you.
      if (lat === 0 && long === 0) return false;
      const b = await (box ??= servedBox(ctx, j));
      return !b || (long >= b[0] - MARGIN && lat >= b[1] - MARGIN && long <= b[2] + MARGIN && lat <= b[3] + MARGIN);
    },
    async services(locale) {
      return (await ctx.store.listServices(j.id)).map((s) => smsService(s, locale));
    },
    async locate(text, locale) {
      try {
        const found = await ctx.geocoder.search({ text, jurisdiction_id: j.id, limit: MAX_PLACES, language: locale });
        const best = found[0];
        if (!best || best.score < MIN_SCORE) return 'not-found';
        // As good as the best and somewhere else: the reporter is asked which.
        const tied = found.filter((p) => best.score - p.score <= TIE && p.score >= MIN_SCORE);
        const places = tied.filter((p, i) => tied.findIndex((q) => Math.abs(q.lat - p.lat) < SAME && Math.abs(q.long - p.long) < SAME) === i);
        return places.map((p) => ({ label: p.label, lat: p.lat, long: p.long }));
      } catch (e) {
        if (e instanceof GeocoderError) return e.kind === 'bad-query' ? 'not-found' : 'unavailable';
        throw e;
      }
    },
  };
}
