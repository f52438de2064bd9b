/**
 * Demo staff for the demo city (DEMO ONLY: the password is public): departments,
 * one account per role and a few response templates. Idempotent: what exists is kept.
 */
import type { ExtendedStatus } from '@o311/georeport';
import type { Department, StaffRole, Store } from '@o311/store';
import { hashPassword } from './auth/passwords.js';

/** Published in the README and printed at start: never use it outside a demo. */
export const DEMO_STAFF_PASSWORD = 'riverton-demo-password';

export const DEMO_DEPARTMENTS = ['Public Works', 'Parks', 'Code Enforcement', 'Sanitation'] as const;

export const DEMO_STAFF: readonly { email: string; name: string; role: StaffRole; department: (typeof DEMO_DEPARTMENTS)[number] | null }[] = [
  { email: 'admin@riverton.example', name: 'Morgan Reyes', role: 'admin', department: null },
  { email: 'agent@riverton.example', name: 'Sam Okafor', role: 'agent', department: 'Public Works' },
  { email: 'viewer@riverton.example', name: 'Jordan Lee', role: 'viewer', department: null },
];

export const DEMO_TEMPLATES: readonly { name: string; status: ExtendedStatus; body: string }[] = [
  {
    name: 'Fixed',
    status: 'fixed',
    body: 'Thank you for your report. Our crew has fixed the problem. If it comes back, please report it again.',
  },
  {
    name: 'Scheduled',
    status: 'action_scheduled',
    body: 'Thank you for your report. The work has been scheduled and our crew will attend to it as soon as possible.',
  },
  {
    name: 'Not our responsibility',
    status: 'not_councils_responsibility',
    body: 'Thank you for your report. This is not the responsibility of the city; where we could, we have passed it on to the organisation that is.',
  },
];

export interface DemoLogin {
  email: string;
  password: string;
  role: StaffRole;
}

async function ensureDepartments(store: Store, jurisdiction_id: string): Promise<Map<string, Department>> {
  const byName = new Map((await store.listDepartments(jurisdiction_id)).map((d) => [d.name, d]));
  for (const name of DEMO_DEPARTMENTS) {
    if (!byName.has(name)) byName.set(name, await store.saveDepartment({ jurisdiction_id, name, email: null }));
  }
  return byName;
}

async function ensureTemplates(store: Store, jurisdiction_id: string): Promise<void> {
  const existing = new Set((await store.listTemplates(jurisdiction_id)).map((t) => t.name));
  for (const t of DEMO_TEMPLATES) {
    if (!existing.has(t.name)) await store.saveTemplate({ jurisdiction_id, ...t });
  }
}

/** Needs a jurisdiction: the demo staff work on the primary one (the demo city's). */
export async function seedDemoStaff(store: Store): Promise<DemoLogin[]> {
  const jurisdiction = await store.primaryJurisdiction();
  if (!jurisdiction) throw new Error('seedDemoStaff needs a jurisdiction: seed the demo city first');
  const departments = await ensureDepartments(store, jurisdiction.id);
  await ensureTemplates(store, jurisdiction.id);
  let passwordHash: string | undefined;
  for (const u of DEMO_STAFF) {
    if (await store.findUserByEmail(u.email)) continue;
    passwordHash ??= await hashPassword(DEMO_STAFF_PASSWORD);
    await store.createUser({
      email: u.email, name: u.name, role: u.role, password_hash: passwordHash,
      department_id: u.department === null ? null : (departments.get(u.department)?.id ?? null),
    });
  }
  return DEMO_STAFF.map((u) => ({ email: u.email, password: DEMO_STAFF_PASSWORD, role: u.role }));
}
