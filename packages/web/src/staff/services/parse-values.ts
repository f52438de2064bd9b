/** The `key = Name` lines of a list question's values (and of their translations). */
import type { AttributeValue } from '@o311/georeport';

/** `key = Name` lines; a line without `=` is both key and name. */
export function parseValues(text: string): AttributeValue[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((line) => {
    const eq = line.indexOf('=');
    if (eq === -1) return { key: line, name: line };
    const key = line.slice(0, eq).trim();
    return { key, name: line.slice(eq + 1).trim() || key };
  });
}
