/**
 * Reading a parsed query string. Values may come as a string or, for a repeated
 * key, a string[]; an empty (or blank) value counts as absent (spec).
 */

export type QueryRecord = Readonly<Record<string, string | string[] | undefined>>;

function valuesOf(q: QueryRecord, name: string): string[] {
  const v = Object.hasOwn(q, name) ? q[name] : undefined;
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** First non-blank value, trimmed. */
export function scalarParam(q: QueryRecord, name: string): string | undefined {
  for (const v of valuesOf(q, name)) {
    const t = v.trim();
    if (t !== '') return t;
  }
  return undefined;
}

/** Comma-separated list; repeated keys are joined. Items trimmed, blanks and repeats dropped; undefined when empty. */
export function listParam(q: QueryRecord, name: string): string[] | undefined {
  const items = new Set<string>();
  for (const v of valuesOf(q, name)) {
    for (const item of v.split(',')) {
      const t = item.trim();
      if (t !== '') items.add(t);
    }
  }
  return items.size === 0 ? undefined : [...items];
}
