/** Boundary ids: lower-case letters, digits and `-` (`Polk County` → `polk-county`, `Québec` → `quebec`). */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
