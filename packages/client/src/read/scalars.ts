/**
 * Field readers for strings, numbers, booleans and enumerations. Each reports
 * every coercion it makes; the rules for absent and empty values are shared.
 *
 * Empty values: an XML empty element or JSON null is how the spec writes "no
 * value" for a nullable field, and "" is how JSON writes an empty non-nullable
 * string; those are read quietly unless the standard requires a value. Any other
 * empty form (JSON "" for a nullable field, whitespace) is reported.
 */
import type { FieldReader, RecordReader } from './record.js';
import type { Node } from './tree.js';

export interface Rules {
  /** 'warn': the spec always sends the field. 'quiet': it "may not be returned". */
  absent: 'warn' | 'quiet';
  /** The standard requires a value, so an empty one is a quirk even in its canonical form. */
  requireValue: boolean;
  /** Whether the type has null for "no value" (else JSON writes ""). */
  nullable: boolean;
  /** The value read instead, as shown in messages: `null`, `""`, `realtime`. */
  shown: string;
}

/** A scalar with absent (undefined) and empty or unreadable (null) already reported. */
export type Scalar = string | number | boolean | null | undefined;

export function scalar(rec: RecordReader, field: string, rules: Rules): Scalar {
  const raw = rec.raw(field);
  if (raw === undefined) {
    if (rules.absent === 'warn') rec.warn('missing-field', field, undefined, rules.shown);
    return undefined;
  }
  if (raw === null) {
    if (rules.requireValue || (!rules.nullable && rec.ctx.format === 'json')) empty(rec, field, raw, rules);
    return null;
  }
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') {
      if (rules.requireValue || rules.nullable || raw !== '') empty(rec, field, raw, rules);
      return null;
    }
    if (trimmed.length !== raw.length) rec.warn('padded-value', field, raw);
    return trimmed;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  rec.warn('invalid-value', field, raw, `read as ${rules.shown}`);
  return null;
}

function empty(rec: RecordReader, field: string, raw: Node, rules: Rules): void {
  rec.warn('empty-value', field, rec.ctx.format === 'json' ? raw : undefined, rules.shown);
}

const shown = (fallback: string | number | boolean | null): string =>
  fallback === null ? 'null' : typeof fallback === 'string' ? JSON.stringify(fallback) : String(fallback);

export interface FieldOptions<F> {
  fallback: F;
  /** How the fallback is named in messages, when not by its value (`its position`). */
  shown?: string;
  absent?: 'warn' | 'quiet';
  requireValue?: boolean;
}

export function rulesOf<F extends string | number | boolean | null>(o: FieldOptions<F>, nullable = o.fallback === null): Rules {
  return { absent: o.absent ?? 'warn', requireValue: o.requireValue ?? false, nullable, shown: o.shown ?? shown(o.fallback) };
}

/** Text of a scalar; numbers become their decimal text (ids sent as numbers). */
export function asText(rec: RecordReader, field: string, value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  const text = String(value);
  rec.warn(typeof value === 'number' ? 'string-as-number' : 'invalid-value', field, value, `read as "${text}"`);
  return text;
}

export function text<F extends string | null>(options: FieldOptions<F>): FieldReader<string | F> {
  const rules = rulesOf(options);
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      return v === null || v === undefined ? options.fallback : asText(rec, field, v);
    },
  };
}

/** A member that is left out of the result when absent (receipts): undefined, else text or null. */
export function optionalText(): FieldReader<string | null | undefined> {
  const rules: Rules = { absent: 'quiet', requireValue: false, nullable: true, shown: 'null' };
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      return v === null || v === undefined ? v : asText(rec, field, v);
    },
  };
}

// Decimal only: Number() would also take '0x1F', 'Infinity' and ''.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number from a JSON number, or from text (quietly in XML, where all values are text). */
export function toNumber(rec: RecordReader, field: string, v: string | number | boolean, fallback: string): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && DECIMAL.test(v)) {
    const n = Number(v);
    if (Number.isFinite(n)) {
      if (rec.ctx.format === 'json') rec.warn('number-as-string', field, v);
      return n;
    }
  }
  rec.warn('invalid-value', field, v, `read as ${fallback}`);
  return null;
}

export function number<F extends number | null>(options: FieldOptions<F>): FieldReader<number | F> {
  const rules = rulesOf(options);
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      return v === null || v === undefined ? options.fallback : (toNumber(rec, field, v, rules.shown) ?? options.fallback);
    },
  };
}

export function boolean(options: FieldOptions<boolean>): FieldReader<boolean> {
  // No boolean is ever empty on purpose: an empty one is always reported.
  const rules: Rules = { ...rulesOf(options, false), requireValue: true };
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      if (v === null || v === undefined) return options.fallback;
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string') {
        const lower = v.toLowerCase();
        if (lower === 'true' || lower === 'false') {
          if (rec.ctx.format === 'json') rec.warn('boolean-as-string', field, v);
          else if (lower !== v) rec.warn('case-normalised', field, v, lower);
          return lower === 'true';
        }
      }
      rec.warn('invalid-value', field, v, `read as ${rules.shown}`);
      return options.fallback;
    },
  };
}

/**
 * A value from a fixed set, compared case-insensitively. An unknown value gives
 * the fallback and an `unknown-value` warning.
 */
export function oneOf<const T extends string>(values: readonly T[], options: FieldOptions<NoInfer<T>>): FieldReader<T> {
  const rules = rulesOf(options, false);
  const known: ReadonlySet<string> = new Set(values);
  const isKnown = (s: string): s is T => known.has(s);
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      if (v === null || v === undefined) return options.fallback;
      const sent = asText(rec, field, v);
      const lower = sent.toLowerCase();
      if (!isKnown(lower)) {
        rec.warn('unknown-value', field, v, `${rules.shown} (expected ${values.join(', ')})`);
        return options.fallback;
      }
      if (lower !== sent) rec.warn('case-normalised', field, v, lower);
      return lower;
    },
  };
}
