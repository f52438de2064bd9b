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
    expect(roleAllows('viewer', 'read', ['city'])).toBe(true);
    expect(roleAllows('viewer', 'manage-requests', ['city'])).toBe(false);
    expect(roleAllows('viewer', 'admin', ['city'])).toBe(false);
    expect(roleAllows('agent', 'manage-requests', ['city'])).toBe(true);
    expect(roleAllows('agent', 'admin', ['city'])).toBe(false);
    expect(roleAllows('admin', 'admin', ['city'])).toBe(true);
    expect(roleAllows('admin', 'manage-requests', ['city'])).toBe(true);
  });

  it('keeps what concerns every jurisdiction to admins of global scope', () => {
    expect(roleAllows('admin', 'global-admin', 'global')).toBe(true);
    expect(roleAllows('admin', 'global-admin', ['city'])).toBe(false);
    expect(roleAllows('agent', 'global-admin', ['city'])).toBe(false);
  });
});
