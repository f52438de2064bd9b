/**
 * The names staff pages show instead of ids: services (in the page's language
 * where the service has a translation), groups, departments and staff members.
 */
import { catalogServices } from '@o311/server';
import { inScope, type Department, type Jurisdiction, type ServiceRecord, type StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';

export interface Directory {
  jurisdiction: Jurisdiction;
  /** Inactive ones too, by name. */
  services: ServiceRecord[];
  /** Distinct service groups, sorted. */
  groups: string[];
  departments: Department[];
  /** Active staff who can be assigned requests: agents and admins whose scope reaches the jurisdiction. */
  assignees: StaffUser[];
  /** The service's name in the page's language, else `fallback` (the name stored with a request). */
  serviceName(code: string, fallback: string): string;
  departmentName(id: string | null): string | undefined;
  userName(id: string | null): string | undefined;
}

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

/** `locale`: the page's language, for service names; without it, the names as stored. */
export async function loadDirectory(web: WebContext, jurisdiction: Jurisdiction, locale?: string): Promise<Directory> {
  const { store } = web.services;
  const [services, departments, users, localised] = await Promise.all([
    store.listServices(jurisdiction.id, { includeInactive: true }),
    store.listDepartments(jurisdiction.id),
    store.listUsers(),
    locale === undefined ? [] : catalogServices.listPublicServices(store, jurisdiction, locale),
  ]);
  const serviceNames = new Map<string, string>([
    ...services.map((s): [string, string] => [s.service_code, s.service_name]),
    ...localised.map((s): [string, string] => [s.service_code, s.service_name]),
  ]);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  return {
    jurisdiction,
    services: [...services].sort((a, b) => (serviceNames.get(a.service_code) ?? '').localeCompare(serviceNames.get(b.service_code) ?? '')),
    groups: [...new Set(services.map((s) => s.group).filter((g): g is string => g !== null && g !== ''))].sort(),
    departments: [...departments].sort(byName),
    assignees: users.filter((u) => u.active && u.role !== 'viewer' && inScope(u.jurisdictions, jurisdiction.id)).sort(byName),
    serviceName: (code, fallback) => serviceNames.get(code) ?? fallback,
    departmentName: (id) => (id === null ? undefined : departmentNames.get(id)),
    userName: (id) => (id === null ? undefined : userNames.get(id)),
  };
}
