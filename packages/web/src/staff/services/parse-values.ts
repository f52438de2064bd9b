/** The `key = Name` lines of a list question's values (and of their translations). */
import type { AttributeValue } from '@o311/georeport';

/** The values as `key = Name` lines (what parseValues reads back). */
export const valueLines = (values: readonly AttributeValue[]): string => values.map((v) => `${v.key} = ${v.name}`).join('\n');

/** `key = Name` lines; a line without `=` is both key and name. */
export function parseValues(text: string): AttributeValue[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((line) => {
    const eq = line.indexOf('=');
    if (eq === -1) return { key: line, name: line };
    const key = line.slice(0, eq).trim();
    return { key, name: line.slice(eq + 1).trim() || key };
  });
}
