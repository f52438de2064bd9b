import type { StaffRole } from '@o311/store';
import type { MessageKey } from '../i18n/translate.js';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'agent', 'viewer'];

export const isStaffRole = (s: string): s is StaffRole => (STAFF_ROLES as readonly string[]).includes(s);

export const ROLE_LABELS: Record<StaffRole, MessageKey> = {
  admin: 'staff.role.admin',
  agent: 'staff.role.agent',
  viewer: 'staff.role.viewer',
};
