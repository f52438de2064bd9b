/** Upstream API keys sealed at rest (credentials.ts): round trip, wrong secret, wrong endpoint, tampering, bounds. */
import { describe, expect, it } from 'vitest';
import { CredentialBox, CredentialError, MAX_UPSTREAM_KEY_LENGTH } from '../src/credentials.js';

const SECRET = 'correct horse battery staple 42';
const KEY = 'o311k_upstream-key-of-polk-county';

const kindOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof CredentialError ? e.kind : `not a CredentialError: ${String(e)}`;
  }
  return undefined;
};

describe('CredentialBox', () => {
  it('opens what it sealed; the sealed text holds neither the key nor the secret, and differs each time', () => {
    const box = new CredentialBox(SECRET);
    const sealed = box.seal('polk-county', KEY);
    expect(box.open('polk-county', sealed)).toBe(KEY);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(KEY);
    expect(sealed).not.toContain('upstream');
    expect(sealed).not.toContain(SECRET);
    expect(box.seal('polk-county', KEY)).not.toBe(sealed);
    // Another box with the same secret (another server process) opens it too.
    expect(new CredentialBox(SECRET).open('polk-county', sealed)).toBe(KEY);
    expect(box.open('x', box.seal('x', 'ключ-ü'))).toBe('ключ-ü');
  });

  it('does not open under another secret, for another endpoint, or once tampered with', () => {
    const sealed = new CredentialBox(SECRET).seal('polk-county', KEY);
    expect(kindOf(() => new CredentialBox(`${SECRET}!`).open('polk-county', sealed))).toBe('wrong-secret');
    expect(kindOf(() => new CredentialBox(SECRET).open('story-county', sealed))).toBe('wrong-secret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(kindOf(() => new CredentialBox(SECRET).open('polk-county', tampered))).toBe('wrong-secret');
    expect(() => new CredentialBox(`${SECRET}!`).open('polk-county', sealed)).toThrow(/O311_ROUTER_SECRET/);
  });

  it('refuses text that is not sealed, and keys that are empty, too long or multi-line', () => {
    const box = new CredentialBox(SECRET);
    for (const bad of ['', 'plain-key', 'v2.a.b.c', 'v1.a.b', 'v1.AAAA.AAAA.AAAA']) expect(kindOf(() => box.open('s', bad))).toBe('malformed');
    for (const bad of ['', 'a\nb', 'tab\there', 'x'.repeat(MAX_UPSTREAM_KEY_LENGTH + 1)]) expect(kindOf(() => box.seal('s', bad))).toBe('bad-key');
    expect(box.open('s', box.seal('s', 'x'.repeat(MAX_UPSTREAM_KEY_LENGTH)))).toHaveLength(MAX_UPSTREAM_KEY_LENGTH);
  });

  it('needs a secret of at least 16 characters, and says which variable to set', () => {
    expect(kindOf(() => new CredentialBox(undefined))).toBe('no-secret');
    expect(kindOf(() => new CredentialBox('short'))).toBe('no-secret');
    expect(() => new CredentialBox('')).toThrow(/O311_ROUTER_SECRET/);
    expect(new CredentialBox('x'.repeat(16))).toBeInstanceOf(CredentialBox);
  });
});
