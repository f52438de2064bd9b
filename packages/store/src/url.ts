/** Database URLs the store understands. */

export type DatabaseLocation =
  | { dialect: 'sqlite'; /** file path or `:memory:` */ path: string }
  | { dialect: 'postgres'; url: string };

const EXPECTED = 'expected sqlite:PATH, sqlite::memory: or postgres://USER@HOST:PORT/DB';

/**
 * `sqlite:PATH` (relative or absolute; `sqlite:///abs/path` also works),
 * `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const text = url.trim();
  if (/^sqlite:/i.test(text)) {
    let path = text.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new Error(`database URL "${url}" has no file path: ${EXPECTED}`);
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new Error(`database URL is not a valid PostgreSQL URL: ${EXPECTED}`);
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
      throw new Error(`PostgreSQL database URL has no host: ${EXPECTED}`);
    }
    return { dialect: 'postgres', url: text };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  throw new Error(
    scheme
      ? `unsupported database URL scheme "${scheme}:": ${EXPECTED}`
      : `database URL "${url}" has no scheme: ${EXPECTED}`,
  );
}

/** The URL with any password masked, for messages; otherwise exactly as given. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
