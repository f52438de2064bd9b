/** The endpoint shapes the monitor and the harvester read alike: discovery URLs and lists cut at a cap. */
import { describe, expect, it } from 'vitest';
import { isDiscoveryUrl, mayBeCapped } from '../src/index.js';

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
