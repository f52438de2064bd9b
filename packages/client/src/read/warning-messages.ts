/** One plain-English sentence per warning code, told how many times the quirk occurred. */
import type { WarningCode } from '../warnings.js';
import { showValue } from './tree.js';
import type { Occurrence } from './warning-log.js';

interface Parts {
  field: string;
  count: number;
  /** ` in 12 requests`, ` in one request`, or '' for the document itself. */
  where: string;
  /** ` (e.g. "Open")`, or '' */
  eg: string;
  detail: string;
}

const SENTENCES: Readonly<Record<WarningCode, (p: Parts) => string>> = {
  'wrapped-json': (p) => `The JSON was wrapped (${p.detail}); read what the wrapper holds`,
  'bare-object': (p) => `A single ${p.detail} was sent where a list was expected; read as a list of one`,
  'unexpected-root': (p) => `The root element was <${p.field}> instead of <${p.detail}>; read it as <${p.detail}>`,
  'foreign-markup': (p) => `${p.detail} ignored${times(p.count)}`,
  'unknown-field': (p) => `${p.field} is not a GeoReport v2 field${p.where}${p.eg}; ignored`,
  'number-as-string': (p) => `${p.field} was a string${p.where}${p.eg}; read as a number`,
  'string-as-number': (p) => `${p.field} was a number${p.where}${p.eg}; read as a string`,
  'boolean-as-string': (p) => `${p.field} was a string${p.where}${p.eg}; read as a boolean`,
  'case-normalised': (p) => `${p.field} was not lower case${p.where}${p.eg}; read as ${p.detail}`,
  'unknown-status': (p) => `${p.field} was neither open nor closed${p.where}${p.eg}; kept as sent (lower-cased)`,
  'unknown-value': (p) => `${p.field} was not one of the standard values${p.where}${p.eg}; read as ${p.detail}`,
  'date-without-timezone': (p) => `${p.field} had no timezone${p.where}${p.eg}; interpreted in ${p.detail}`,
  'date-reformatted': (p) =>
    `${p.field} was not written as YYYY-MM-DDThh:mm:ss±hh:mm${p.where}${p.eg}; rewritten in that form`,
  'invalid-date': (p) => `${p.field} could not be read as a datetime${p.where}${p.eg}; read as ${p.detail}`,
  'empty-value': (p) => `${p.field} was empty${p.where}${p.eg}; read as ${p.detail}`,
  'missing-field': (p) => `${p.field} was missing${p.where}; read as ${p.detail}`,
  'invalid-value': (p) =>
    p.field === ''
      ? `Skipped ${p.count} ${p.count > 1 ? 'entries' : 'entry'} of ${p.detail} that ${p.count > 1 ? 'were' : 'was'} not an object${p.eg}`
      : `${p.field} could not be read${p.where}${p.eg}; ${p.detail}`,
  'zero-coordinates': (p) => `lat/long were 0${p.where}, a placeholder for "unknown"; read as null`,
  'coordinates-swapped': (p) => `lat and long were exchanged${p.where}${p.eg}; swapped back (${p.detail})`,
  'zero-zipcode': (p) => `${p.field} was 0${p.where}, a placeholder for "unknown"; read as null`,
  'old-definition-form': () =>
    '<attribute> elements sat directly under <service_definition>, without <attributes> (the older form); read as the attribute list',
  'padded-value': (p) => `${p.field} had surrounding whitespace${p.where}${p.eg}; trimmed`,
  'non-standard-error': (p) => `${p.detail}${times(p.count)}`,
  // Raised by the client's paging, not by a reader; here only so that every code has a sentence.
  'results-capped': (p) => `${p.detail}${times(p.count)}`,
};

const times = (count: number): string => (count > 1 ? ` (and ${count - 1} more like it)` : '');
const plural = (noun: string): string => (noun.endsWith('s') ? noun : `${noun}s`);

export function describeWarning(o: Occurrence, count: number): string {
  const where = o.noun === '' ? '' : count > 1 ? ` in ${count} ${plural(o.noun)}` : ` in one ${o.noun}`;
  const example = o.raw === undefined ? o.example : showValue(o.raw);
  const eg = example === undefined || example === '' ? '' : ` (${count > 1 ? 'e.g. ' : ''}${example})`;
  return SENTENCES[o.code]({ field: o.field, count, where, eg, detail: o.detail ?? '' });
}
