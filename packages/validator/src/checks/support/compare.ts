/** Field-by-field comparison of two readings of the same thing (XML vs JSON, list vs single). */

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const brief = (v: unknown): string => {
  const s = JSON.stringify(v ?? null);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/** "field: A=…, B=…" for each listed field that differs. */
export function differences<T extends object>(a: T, b: T, keys: readonly (keyof T & string)[], names: [string, string]): string[] {
  return keys.flatMap((k) =>
    same(a[k], b[k]) ? [] : [`${k}: ${names[0]}=${brief(a[k])}, ${names[1]}=${brief(b[k])}`],
  );
}

/** Items of `a` and `b` matched by key; unmatched keys listed on each side. */
export function matchBy<T>(a: readonly T[], b: readonly T[], key: (t: T) => string | null) {
  const index = new Map<string, T>();
  for (const t of b) {
    const k = key(t);
    if (k !== null) index.set(k, t);
  }
  const pairs: [T, T][] = [];
  const onlyA: string[] = [];
  const seen = new Set<string>();
  for (const t of a) {
    const k = key(t);
    if (k === null) continue;
    seen.add(k);
    const other = index.get(k);
    if (other === undefined) onlyA.push(k);
    else pairs.push([t, other]);
  }
  const onlyB = [...index.keys()].filter((k) => !seen.has(k));
  return { pairs, onlyA, onlyB };
}
