import { describe, expect, it } from 'vitest';
import { PublicOrigin, boundHosts } from './public-origin.js';

describe('boundHosts', () => {
  it('a loopback bind answers to localhost, 127.0.0.1 and [::1] on its port, and announces localhost', () => {
    const b = boundHosts({ address: '127.0.0.1', family: 'IPv4', port: 3311 });
    expect([...b.hosts].sort()).toEqual(['127.0.0.1:3311', '[::1]:3311', 'localhost:3311']);
    expect(b.origin).toBe('http://localhost:3311');
  });

  it('a bind to one address answers to that address only', () => {
    const b = boundHosts({ address: '10.1.2.3', family: 'IPv4', port: 80 });
    expect([...b.hosts]).toEqual(['10.1.2.3:80']);
    expect(b.origin).toBe('http://10.1.2.3:80');
  });

  it('a bind to every interface answers to the loopback names and each interface address', () => {
    const b = boundHosts({ address: '::', family: 'IPv6', port: 8080 });
    expect(b.hosts.has('localhost:8080')).toBe(true);
    expect(b.hosts.has('evil.example:8080')).toBe(false);
  });
});

describe('PublicOrigin', () => {
  it('before listening trusts only loopback names', () => {
    const o = new PublicOrigin(undefined);
    expect(o.trusts('localhost:80')).toBe(true);
    expect(o.trusts('LOCALHOST')).toBe(true);
    expect(o.trusts('localhost.evil.example')).toBe(false);
    expect(o.trusts('localhost:80@evil.example')).toBe(false);
    expect(o.announced).toBe('http://localhost');
  });

  it('after listening trusts the bound hosts only', () => {
    const o = new PublicOrigin(undefined);
    o.listening({ address: '127.0.0.1', family: 'IPv4', port: 4000 });
    expect(o.trusts('localhost:4000')).toBe(true);
    expect(o.trusts('localhost:80')).toBe(false);
    expect(o.announced).toBe('http://localhost:4000');
  });

  it('a configured URL wins, without its trailing slash', () => {
    const o = new PublicOrigin('https://311.example.org/');
    expect(o.configured).toBe(true);
    expect(o.announced).toBe('https://311.example.org');
  });
});
