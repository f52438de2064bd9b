/** Known points against the real boundaries shipped on npm (issue 10). */
import { describe, expect, it } from 'vitest';
import { usBoundaries, worldBoundaries } from '../src/atlas-boundaries.js';
import { BoundaryIndex } from '../src/boundary-index.js';

describe('real boundaries from us-atlas and world-atlas', () => {
  const boundaries = [...usBoundaries(), ...worldBoundaries()];
  const index = new BoundaryIndex(boundaries);
  const at = (long: number, lat: number) => index.covering(long, lat).map((b) => `${b.tier}: ${b.name}`);

  it('holds every US state and county and the countries of the world', () => {
    const tiers = (tier: string) => boundaries.filter((b) => b.tier === tier).length;
    expect(tiers('state')).toBeGreaterThanOrEqual(51);
    expect(tiers('county')).toBeGreaterThan(3_100);
    expect(tiers('nation')).toBeGreaterThan(200);
    expect(boundaries.length).toBeGreaterThanOrEqual(3_500);
  });

  it.each([
    ['Des Moines', -93.6091, 41.6005, ['county: Polk, Iowa', 'state: Iowa', 'nation: United States of America']],
    ['Chicago', -87.6298, 41.8781, ['county: Cook, Illinois', 'state: Illinois', 'nation: United States of America']],
    ['Toronto', -79.3832, 43.6532, ['nation: Canada']],
    ['Helsinki', 24.9384, 60.1699, ['nation: Finland']],
    ['the mid-Atlantic', -40, 30, []],
  ])('%s', (_, long, lat, expected) => {
    expect(at(long, lat)).toEqual(expected);
  });
});
