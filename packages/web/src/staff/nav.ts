/** The staff navigation: the pages the signed-in role may open, who is signed in, and the logout button. */
import { callTaking, roleAllows, type Permission } from '@o311/server';
import type { StaffUser } from '@o311/store';
import { html, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import type { SignedIn } from './auth/authenticate.js';
import { csrfInput } from './csrf-input.js';
import { ROLE_LABELS } from './roles.js';

interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
  /** A capability beyond the role the item needs. */
  shownTo?: (user: StaffUser) => boolean;
}

export const STAFF_NAV: readonly NavItem[] = [
  { href: '/staff', label: 'staff.nav.inbox', permission: 'read' },
  { href: '/staff/calls', label: 'staff.nav.calls', permission: 'manage-requests', shownTo: callTaking.takesCalls },
  { href: '/staff/services', label: 'staff.nav.services', permission: 'read' },
  { href: '/staff/templates', label: 'staff.nav.templates', permission: 'read' },
  { href: '/staff/users', label: 'staff.nav.users', permission: 'admin' },
  { href: '/staff/departments', label: 'staff.nav.departments', permission: 'admin' },
  { href: '/staff/reporter-settings', label: 'reporter.settings.title', permission: 'admin' },
  { href: '/staff/mail-quarantine', label: 'mailQuarantine.title', permission: 'admin' },
  { href: '/staff/keys', label: 'staff.nav.keys', permission: 'global-admin' },
  { href: '/staff/webhooks', label: 'staff.nav.webhooks', permission: 'admin' },
  { href: '/staff/dashboards', label: 'staff.nav.dashboard', permission: 'admin' },
  { href: '/staff/audit', label: 'staff.nav.audit', permission: 'admin' },
  { href: '/staff/jobs', label: 'staff.nav.jobs', permission: 'global-admin' },
  { href: '/staff/registry', label: 'staff.nav.registry', permission: 'global-admin' },
];

/** The item a path belongs to: the longest href that is the path or a parent of it. */
function currentHref(path: string): string | undefined {
  const pathname = path.split(/[?#]/)[0] ?? '';
  const matches = STAFF_NAV.map((i) => i.href).filter((h) => pathname === h || pathname.startsWith(`${h}/`));
  return matches.sort((a, b) => b.length - a.length)[0];
}

export function staffNav(t: Translator, who: SignedIn, path: string): Html {
  const current = currentHref(path);
  const items = STAFF_NAV.filter((i) => roleAllows(who.user.role, i.permission, who.user.jurisdictions) && (i.shownTo?.(who.user) ?? true));
  return html`<ul class="admin-nav">${items.map(
    (i) => html`<li><a href="${i.href}"${i.href === current ? html` aria-current="page"` : ''}>${t(i.label)}</a></li>`,
  )}</ul>
<div class="auth-user">
<span class="auth-name">${who.user.name}</span>
<span class="auth-role">${t(ROLE_LABELS[who.user.role])}</span>
<a href="/staff/account"${path.startsWith('/staff/account') ? html` aria-current="page"` : ''}>${t('staff.nav.account')}</a>
<form method="post" action="/staff/logout" class="auth-logout">${csrfInput(who.session.csrf_token)}<button type="submit">${t('staff.nav.logout')}</button></form>
</div>`;
}
