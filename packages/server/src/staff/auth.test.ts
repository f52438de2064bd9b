import { describe, expect, it } from 'vitest';
import { bearerSecret, roleAllows } from './auth.js';

describe('staff auth', () => {
  it('reads bearer secrets', () => {
    expect(bearerSecret('Bearer abc123')).toBe('abc123');
    expect(bearerSecret('bearer  abc123 ')).toBe('abc123');
    expect(bearerSecret('Basic abc')).toBeUndefined();
    expect(bearerSecret('Bearer')).toBeUndefined();
    expect(bearerSecret(undefined)).toBeUndefined();
  });

  it('gives viewers read, agents requests, admins everything', () => {
    expect(roleAllows('viewer', 'read')).toBe(true);
    expect(roleAllows('viewer', 'manage-requests')).toBe(false);
    expect(roleAllows('viewer', 'admin')).toBe(false);
    expect(roleAllows('agent', 'manage-requests')).toBe(true);
    expect(roleAllows('agent', 'admin')).toBe(false);
    expect(roleAllows('admin', 'admin')).toBe(true);
    expect(roleAllows('admin', 'manage-requests')).toBe(true);
  });
});
