/**
 * Address normalization: what a reporter types and what a gazetteer holds
 * become the same key when they name the same street. Case, accents and
 * punctuation go; street types and directions take one spelling whatever the
 * language ("St"/"Street", "Ave"/"Av."/"Avenida"/"Avenue", "Bd"/"Boulevard");
 * ordinals become numbers ("1st", "First", "1er", "1.º" → 1); articles of
 * Spanish and French names go ("Rue de la Paix" → "rue paix"). Keys are
 * internal: labels always show the street as the gazetteer writes it.
 */

/** Street types and directions, every spelling → one token. */
const TOKENS: Readonly<Record<string, string>> = {
  street: 'street', str: 'street',
  avenue: 'avenue', ave: 'avenue', av: 'avenue', avda: 'avenue', avenida: 'avenue',
  road: 'road', rd: 'road',
  boulevard: 'boulevard', blvd: 'boulevard', bd: 'boulevard', boul: 'boulevard', bulevar: 'boulevard',
  drive: 'drive', dr: 'drive',
  lane: 'lane', ln: 'lane',
  court: 'court', ct: 'court',
  place: 'place', pl: 'place',
  square: 'square', sq: 'square',
  parkway: 'parkway', pkwy: 'parkway',
  highway: 'highway', hwy: 'highway',
  terrace: 'terrace', ter: 'terrace',
  circle: 'circle', cir: 'circle',
  calle: 'calle', c: 'calle', cl: 'calle',
  plaza: 'plaza', pza: 'plaza', plz: 'plaza',
  paseo: 'paseo', po: 'paseo',
  carrera: 'carrera', cra: 'carrera', kr: 'carrera',
  rue: 'rue', r: 'rue',
  chemin: 'chemin', ch: 'chemin',
  route: 'route', rte: 'route',
  impasse: 'impasse', imp: 'impasse',
  north: 'north', n: 'north', nord: 'north', norte: 'north',
  south: 'south', s: 'south', sud: 'south', sur: 'south',
  east: 'east', e: 'east', est: 'east', este: 'east',
  west: 'west', w: 'west', ouest: 'west', oeste: 'west', o: 'west',
  saint: 'saint', sainte: 'sainte', ste: 'sainte', san: 'san', santa: 'santa',
};

const DIRECTIONS = new Set(['north', 'south', 'east', 'west']);
/** Spanish and French articles and prepositions, left out of keys. */
const ARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'le', 'les', 'l', 'd', 'du', 'des', 'y', 'et', 'of', 'the']);

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
  premier: 1, premiere: 1, deuxieme: 2, troisieme: 3, quatrieme: 4, cinquieme: 5,
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5,
};
/** "1st", "22nd", "3rd", "4th", "1er", "1re", "2e", "2eme", "1o", "1a" (Spanish 1.º / 1.ª after accents go). */
const NUMERIC_ORDINAL = /^(\d+)(st|nd|rd|th|er|re|e|eme|ieme|o|a)$/;

/** Lower case, accents and punctuation removed, single spaces: the words of a text. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, ' ')
    .replace(/(\d)\s*\.\s*(o|a)\b/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

function ordinal(word: string): string | undefined {
  const m = NUMERIC_ORDINAL.exec(word);
  if (m) return String(Number(m[1]));
  const n = ORDINAL_WORDS[word];
  return n === undefined ? undefined : String(n);
}

/**
 * The key of a street name. "st" is Street at the end of a name (before a
 * direction at most) and Saint elsewhere: "St Paul Ave" vs "Main St N".
 */
export function streetKey(name: string): string {
  const words = plainWords(name);
  const out = words.map((w, i) => {
    if (w === 'st') return words.slice(i + 1).every((x) => DIRECTIONS.has(TOKENS[x] ?? x)) ? 'street' : 'saint';
    return ordinal(w) ?? TOKENS[w] ?? w;
  });
  const kept = out.filter((w) => !ARTICLES.has(w));
  return (kept.length > 0 ? kept : out).join(' ');
}

export interface ParsedAddress {
  /** The house number's integer part (12 of "12B"); undefined when none was typed. */
  number: number | undefined;
  /** As typed, e.g. "12B". */
  numberText: string | undefined;
  /** The street part's key (streetKey); '' when there is none. */
  streetKey: string;
}

/** "12", "12b", "12-14" (the first), "12 bis". */
const HOUSE_NUMBER = /^(\d{1,6})([a-z]|-\d{1,6})?$/i;
/** Unit designators and what follows them: "Apt 4", "Unit 2B", "#3", "piso 2", "appt 5". */
const UNIT = /(?:#\s*\S+|\b(?:apt|apartment|unit|suite|piso|puerta|appt|appartement|app|bte|escalera)\.?\s+\S+)/gi;

function splitNumber(part: string): { number?: RegExpExecArray; rest: string } {
  const words = part.split(' ');
  const first = HOUSE_NUMBER.exec(words[0] ?? '');
  if (first && words.length > 1) return { number: first, rest: words.slice(1).join(' ') };
  const last = HOUSE_NUMBER.exec(words[words.length - 1] ?? '');
  if (last && words.length > 1) return { number: last, rest: words.slice(0, -1).join(' ') };
  return { rest: part };
}

/**
 * A typed address in its parts: "12 Main St", "12B Main Street, Riverton",
 * "Calle Mayor 12", "Calle Mayor, 12", "12, rue de la Paix", "Main St" (no number).
 * Only the first comma-separated part naming a street is read (a town or
 * postcode after it is ignored).
 */
export function parseAddress(text: string): ParsedAddress {
  const parts = text.replace(UNIT, ' ').split(/[,;]/).map((p) => p.trim().replace(/\s+/g, ' ')).filter((p) => p !== '');
  let numberMatch: RegExpExecArray | undefined;
  let street = '';
  for (let i = 0; i < parts.length && street === ''; i++) {
    const part = parts[i] as string;
    const alone = HOUSE_NUMBER.exec(part);
    if (alone) {
      numberMatch ??= alone;
      continue;
    }
    const split = splitNumber(part);
    if (split.number && numberMatch === undefined) numberMatch = split.number;
    street = split.rest;
    // "Calle Mayor, 12": the number comes in the next part.
    const next = parts[i + 1];
    if (numberMatch === undefined && next !== undefined) numberMatch = HOUSE_NUMBER.exec(next) ?? undefined;
  }
  return {
    number: numberMatch ? Number(numberMatch[1]) : undefined,
    numberText: numberMatch ? numberMatch[0] : undefined,
    streetKey: streetKey(street),
  };
}
