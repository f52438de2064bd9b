/** Pure pieces of the staff back office: safe redirects, audit paging, translations, demo staff. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@o311/store';
import { staffEn } from '../src/i18n/messages/staff.en.js';
import { staffEs } from '../src/i18n/messages/staff.es.js';
import { staffFr } from '../src/i18n/messages/staff.fr.js';
import { cutAuditPage } from '../src/staff/admin/audit/audit-page.js';
import { loginHref, safeNextPath } from '../src/staff/auth/next-path.js';
import { DEMO_DEPARTMENTS, DEMO_TEMPLATES, seedDemoStaff } from '../src/staff/demo-staff.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';

describe('safeNextPath', () => {
  it.each([
    ['/staff/users?x=1', '/staff/users?x=1'],
    ['/staff', '/staff'],
    [undefined, '/staff'],
    ['', '/staff'],
    ['https://evil.example/staff', '/staff'],
    ['//evil.example/staff', '/staff'],
    ['/\\evil.example', '/staff'],
    ['/staffing', '/staff'],
    ['/staff/../developers', '/staff'],
    ['/staff/login?next=/x', '/staff'],
    ['/staff/a#frag', '/staff/a'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('builds login links', () => {
    expect(loginHref('/staff')).toBe('/staff/login');
    expect(loginHref('/staff/requests/7')).toBe('/staff/login?next=%2Fstaff%2Frequests%2F7');
  });
});

describe('cutAuditPage', () => {
  const entry = (id: number, at: number): AuditEntry => ({
    id: String(id), at, actor: 'a', action: 'x', jurisdiction_id: null, request_id: null, details: {},
  });

  it('is the last page when nothing more was fetched', () => {
    expect(cutAuditPage([entry(1, 10)], 2)).toEqual({ entries: [entry(1, 10)], olderBefore: undefined });
  });

  it('never splits a millisecond between pages', () => {
    const page = cutAuditPage([entry(4, 40), entry(3, 30), entry(2, 30)], 2);
    expect(page.entries.map((e) => e.id)).toEqual(['4']);
    expect(page.olderBefore).toBe(31);
  });

  it('moves past a whole page of one millisecond', () => {
    const page = cutAuditPage([entry(3, 30), entry(2, 30), entry(1, 30)], 2);
    expect(page.entries).toHaveLength(2);
    expect(page.olderBefore).toBe(30);
  });
});

describe('staff translations', () => {
  const keys = Object.keys(staffEn) as (keyof typeof staffEn)[];
  const same = new Set(['staff.nav.services', 'staff.role.agent', 'staff.form.no', 'staff.audit.action', 'staff.departments.actions', 'staff.keys.active']);

  it.each([['es', staffEs], ['fr', staffFr]] as const)('%s translates every message and keeps its placeholders', (_locale, catalogue) => {
    for (const key of keys) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(staffEn[key]));
      if (!same.has(key) && key !== 'staff.title') expect(catalogue[key], key).not.toBe(staffEn[key]);
    }
  });
});

describe('seedDemoStaff', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp();
  });
  afterAll(() => t.close());

  it('is idempotent', async () => {
    const logins = await seedDemoStaff(t.store);
    expect(logins.map((l) => l.role)).toEqual(['admin', 'agent', 'viewer']);
    const jurisdiction = (await t.store.listJurisdictions())[0]!;
    expect((await t.store.listDepartments(jurisdiction.id)).map((d) => d.name).sort()).toEqual([...DEMO_DEPARTMENTS].sort());
    expect((await t.store.listTemplates(jurisdiction.id)).map((x) => x.name).sort()).toEqual(DEMO_TEMPLATES.map((x) => x.name).sort());
    expect((await t.store.listUsers()).length).toBe(3);
  });
});
