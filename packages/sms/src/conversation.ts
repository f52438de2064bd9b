/**
 * The SMS conversation, one message at a time: service (a number from the
 * list, or a word of its name) → location (an address or a shared location)
 * (one of several matches, asked; never outside the area served) → description
 * → the service's required questions → confirm, then filed (kept a while so a
 * stray YES is told the report's number, in its language). Pure but for
 * the world it is given (the services, the geocoder), so each step is tested
 * without a server. Filing is the caller's: a turn only says to file.
 */
import { keywordOf, folded } from './keywords.js';
import { readable } from './inbound.js';
import { sharedLocation } from './location.js';
import { answer, ask, numbered, type Question } from './questions.js';
import { smsTexts, type SmsLocale, type SmsTexts } from './texts.js';

/** Services listed in one message at most. */
export const MAX_LISTED_SERVICES = 20;
/** Characters of the description kept (GeoReport allows more; SMS never needs it). */
export const MAX_SMS_DESCRIPTION = 1_000;

export interface SmsService {
  code: string;
  /** In the conversation's language. */
  name: string;
  /** Words that pick the service from a first message ("hay un bache"), folded. */
  words: readonly string[];
  questions: readonly Question[];
}

export interface Place {
  label: string;
  lat: number;
  long: number;
}

export interface ConversationWorld {
  /** The services offered by SMS, in list order, in `locale`. */
  services(locale: SmsLocale): Promise<readonly SmsService[]>;
  /** The places a typed address may be, best first: one, or several equally good and apart. */
  locate(text: string, locale: SmsLocale): Promise<readonly Place[] | 'not-found' | 'unavailable'>;
  /** Whether a point is in the area served (a typo or a phone's failed fix "0,0" is not). */
  inside(point: { lat: number; long: number }): Promise<boolean>;
}

export type Step = 'service' | 'location' | 'place' | 'description' | 'question' | 'confirm' | 'filed';

/** Places offered to choose from at most. */
export const MAX_PLACES = 5;

export interface ConversationState {
  step: Step;
  service?: string;
  place?: Place;
  /** Step `place`: the matches to choose from. */
  places?: Place[];
  description?: string;
  /** The index of the question being asked (step `question`). */
  question?: number;
  answers: Record<string, string[]>;
  /** Step `filed`: the number of the report filed (null: it has none yet). */
  filed?: string | null;
}

export interface Turn {
  locale: SmsLocale;
  /** null: no conversation goes on (cancelled, or to be filed). */
  state: ConversationState | null;
  replies: string[];
  /** File the report of `filed` now; `follow`: the reporter asked for updates by SMS. */
  file?: { filed: ConversationState; follow: boolean };
}

const placeLabel = (p: { lat: number; long: number }): string => `${p.lat.toFixed(5)}, ${p.long.toFixed(5)}`;

function serviceList(services: readonly SmsService[]): string {
  return numbered(services.slice(0, MAX_LISTED_SERVICES).map((s) => s.name));
}

/** The one service the words of `text` name, if exactly one. */
function serviceNamedIn(text: string, services: readonly SmsService[]): SmsService | undefined {
  const words = new Set(folded(text).split(' '));
  const found = services.filter((s) => s.words.some((w) => w.split(' ').every((part) => words.has(part))));
  return found.length === 1 ? found[0] : undefined;
}

function serviceChosen(text: string, services: readonly SmsService[]): SmsService | undefined {
  const n = Number(text.trim());
  if (Number.isInteger(n) && n >= 1 && n <= Math.min(services.length, MAX_LISTED_SERVICES)) return services[n - 1];
  return serviceNamedIn(text, services);
}

/** The places' labels, with their points where two labels are the same (an address on two streets of one name). */
function placeNames(places: readonly Place[]): string[] {
  return places.map((p) => (places.filter((q) => q.label === p.label).length > 1 ? `${p.label} (${placeLabel(p)})` : p.label));
}

/** What the conversation asks at its current step. */
function prompt(state: ConversationState, service: SmsService | undefined, services: readonly SmsService[], t: SmsTexts): string {
  switch (state.step) {
    case 'service':
      return t('chooseService', { list: serviceList(services) });
    case 'location':
      return t('askLocation', { service: service?.name ?? '' });
    case 'place':
      return t('locationWhich', { list: numbered(placeNames(state.places ?? [])) });
    case 'description':
      return t('askDescription');
    case 'question': {
      const q = service?.questions[state.question ?? 0];
      return q ? ask(q, t) : t('askDescription');
    }
    case 'confirm':
      return t('confirm', { service: service?.name ?? '', place: state.place?.label ?? '', description: state.description ?? '' });
    case 'filed':
      return state.filed ? t('alreadyFiled', { id: state.filed }) : t('alreadyFiledNoNumber');
  }
}

/** The next state for a location typed or shared, or what to answer. */
async function located(state: ConversationState, text: string, world: ConversationWorld, locale: SmsLocale, t: SmsTexts): Promise<ConversationState | string> {
  const shared = sharedLocation(text);
  if (shared) {
    if (!(await world.inside(shared))) return t('locationOutside');
    return { ...state, step: 'description', place: { ...shared, label: placeLabel(shared) }, places: undefined };
  }
  const found = await world.locate(text, locale);
  if (found === 'not-found') return t('locationNotFound');
  if (found === 'unavailable') return t('locationUnavailable');
  const served: Place[] = [];
  for (const p of found.slice(0, MAX_PLACES)) if (await world.inside(p)) served.push(p);
  if (served.length === 0) return found.length > 0 ? t('locationOutside') : t('locationNotFound');
  if (served.length > 1) return { ...state, step: 'place', places: served };
  return { ...state, step: 'description', place: served[0], places: undefined };
}

/** After the description or an answer: the next required question, else the confirmation. */
function nextQuestion(state: ConversationState, service: SmsService, from: number): ConversationState {
  return from < service.questions.length ? { ...state, step: 'question', question: from } : { ...state, step: 'confirm', question: undefined };
}

async function advance(state: ConversationState, text: string, service: SmsService | undefined, services: readonly SmsService[], world: ConversationWorld, locale: SmsLocale, t: SmsTexts): Promise<ConversationState | string> {
  switch (state.step) {
    case 'service': {
      const chosen = serviceChosen(text, services);
      if (!chosen) return t('serviceUnknown', { max: Math.min(services.length, MAX_LISTED_SERVICES), list: serviceList(services) });
      return { ...state, step: 'location', service: chosen.code };
    }
    case 'location':
      return located(state, text, world, locale, t);
    case 'place': {
      // A number picks one of the places; anything else is another address.
      const n = Number(text.trim());
      const chosen = Number.isInteger(n) ? state.places?.[n - 1] : undefined;
      return chosen ? { ...state, step: 'description', place: chosen, places: undefined } : located(state, text, world, locale, t);
    }
    case 'description':
      if (!service) return { step: 'service', answers: {} };
      return nextQuestion({ ...state, description: text.slice(0, MAX_SMS_DESCRIPTION) }, service, 0);
    case 'question': {
      const index = state.question ?? 0;
      const q = service?.questions[index];
      if (!service || !q) return { ...state, step: 'confirm' };
      const values = answer(q, text);
      if (!values) return t('answerAgain', { question: ask(q, t) });
      return nextQuestion({ ...state, answers: { ...state.answers, [q.code]: values } }, service, index + 1);
    }
    case 'confirm':
      return t('confirmAgain');
    case 'filed':
      return { step: 'service', answers: {} };
  }
}

/**
 * One inbound message of a conversation (undefined: none going on). STOP and
 * START are the caller's (they outlive conversations); everything else is here.
 */
export async function converse(
  current: { locale: SmsLocale; state: ConversationState | undefined },
  text: string,
  world: ConversationWorld,
): Promise<Turn> {
  let { locale } = current;
  const state = current.state;
  const keyword = keywordOf(text);
  if (keyword?.kind === 'language') locale = keyword.locale;
  const t = smsTexts(locale);
  const services = await world.services(locale);
  const same = (replies: string[]): Turn => ({ locale, state: state ?? null, replies });
  if (services.length === 0) return { locale, state: null, replies: [t('noServices')] };
  const service = services.find((s) => s.code === state?.service);

  if (!readable(text)) return same([t('unreadable')]);
  switch (keyword?.kind) {
    case 'help':
      return same([t('help')]);
    case 'restart':
      return { locale, state: null, replies: [t('cancelled')] };
    case 'no':
      // Only the confirmation is a yes/no question: elsewhere "no" is an answer (a list value, a description).
      if (state?.step === 'confirm') return { locale, state: null, replies: [t('cancelled')] };
      break;
    case 'language':
      return same([t('language'), prompt(state ?? { step: 'service', answers: {} }, service, services, t)]);
    case 'yes':
    case 'send':
      if (state?.step === 'confirm') return { locale, state: null, replies: [], file: { filed: state, follow: keyword.kind === 'yes' } };
      // A second YES (or a gateway's echo) after filing: the report went, here is its number again.
      if (state?.step === 'filed') return same([prompt(state, service, services, t)]);
  }

  if (!state || state.step === 'filed') {
    // A first message that names one service ("hay un bache") goes straight to its location.
    const named = serviceNamedIn(text, services) ?? serviceChosen(text, services);
    const started: ConversationState = named ? { step: 'location', service: named.code, answers: {} } : { step: 'service', answers: {} };
    return { locale, state: started, replies: [prompt(started, named, services, t)] };
  }
  const next = await advance(state, text, service, services, world, locale, t);
  if (typeof next === 'string') return same([next]);
  return { locale, state: next, replies: [prompt(next, services.find((s) => s.code === next.service), services, t)] };
}
