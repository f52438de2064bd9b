/** What the monitor, the harvester and the router read alike of an endpoint: discovery URLs, lists cut at a cap, profile and format. */
import { describe, expect, it } from 'vitest';
import { findProfile, isDiscoveryUrl, mayBeCapped, preferredFormat, PROFILES } from '../src/index.js';

describe('isDiscoveryUrl', () => {
  it('names a discovery document by its last path segment', () => {
    expect(isDiscoveryUrl('https://311.example.org/open311/discovery.json')).toBe(true);
    expect(isDiscoveryUrl('https://311.example.org/open311/Discovery.XML?x=1')).toBe(true);
    expect(isDiscoveryUrl('https://311.example.org/discovery')).toBe(true);
    expect(isDiscoveryUrl('https://311.example.org/open311/v2/')).toBe(false);
    expect(isDiscoveryUrl('https://311.example.org/discovery.csv')).toBe(false);
    expect(isDiscoveryUrl('not a url/discovery.json')).toBe(false);
  });
});

describe('mayBeCapped', () => {
  it('takes the cap, or a common cap, as a cut list', () => {
    expect(mayBeCapped(1000)).toBe(true);
    expect(mayBeCapped(999)).toBe(false);
    expect(mayBeCapped(50)).toBe(true);
    expect(mayBeCapped(51)).toBe(false);
    expect(mayBeCapped(30, 30)).toBe(true);
    expect(mayBeCapped(25, undefined)).toBe(true);
  });
});

describe('findProfile and preferredFormat', () => {
  it('finds a profile by name in any case, and none for null or an unknown name', () => {
    expect(findProfile('Chicago')).toBe(PROFILES.chicago);
    expect(findProfile(null)).toBeUndefined();
    expect(findProfile('atlantis')).toBeUndefined();
    expect(findProfile('constructor')).toBeUndefined();
  });

  it('asks for JSON when offered or unknown, else XML', () => {
    expect(preferredFormat([])).toBe('json');
    expect(preferredFormat(['xml', 'json'])).toBe('json');
    expect(preferredFormat(['xml'])).toBe('xml');
  });
});
