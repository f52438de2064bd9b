/** Where to go after logging in: only a path of the staff back office on this site. */

const BASE = 'http://o311.invalid';

/** `next` when it is a same-site /staff path (query kept), else `/staff`. */
export function safeNextPath(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/staff';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/staff';
  }
  if (url.origin !== BASE) return '/staff';
  if (url.pathname !== '/staff' && !url.pathname.startsWith('/staff/')) return '/staff';
  if (url.pathname === '/staff/login' || url.pathname === '/staff/logout') return '/staff';
  return `${url.pathname}${url.search}`;
}

/** The login page, coming back to `path` afterwards. */
export function loginHref(path: string): string {
  const next = safeNextPath(path);
  return next === '/staff' ? '/staff/login' : `/staff/login?next=${encodeURIComponent(next)}`;
}
