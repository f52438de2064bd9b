import { describe, expect, it } from 'vitest';
import {
  distanceKm, outlierSwaps, outOfRangeSwap, solarTimeSwap, swapSuspicions, utcOffsetHours, type Located, type Point,
} from './swapped.js';

const at = (lat: number, long: number, offsetHours: number | null = null): Located => ({ lat, long, offsetHours });

/** Real points with the offsets their servers write (digest §15 fixtures; o311's demo city). */
const REAL: Record<string, Located[]> = {
  'the Helsinki fixture read right (Turku, +02:00), Helsinki in summer (+03:00)': [at(60.451667, 22.266944, 2), at(60.17, 24.94, 3)],
  'o311 demo Riverton, America/Chicago (−05:00 / −06:00)': [at(41.5868, -93.625, -5), at(41.5868, -93.625, -6)],
  'San Francisco (−07:00 / −08:00)': [at(37.77944, -122.404434, -7), at(37.732506, -122.41008, -8)],
  'Chicago fixture (−05:00)': [at(41.858724777757864, -87.66475146237676, -5), at(41.759712056258536, -87.6369602073906, -6)],
  'Toronto fixture (−04:00)': [at(43.691104288, -79.272306875, -4), at(43.695823056, -79.267190219, -5)],
  'Bloomington fixture (−04:00)': [at(39.146551871103, -86.485448337464, -4), at(39.16442, -86.55201, -5)],
  'Boston City Hall (−04:00 / −05:00)': [at(42.3603, -71.0580, -4), at(42.3603, -71.0580, -5)],
  'Madrid in summer (+02:00, standard +01:00)': [at(40.4168, -3.7038, 2), at(40.4168, -3.7038, 1)],
};

describe('utcOffsetHours', () => {
  it('reads ±hh:mm and ignores Z, no timezone and non-dates', () => {
    expect(utcOffsetHours('2016-03-22T13:27:16+02:00')).toBe(2);
    expect(utcOffsetHours('2012-05-23T15:55:28-04:00')).toBe(-4);
    expect(utcOffsetHours('2026-01-01T08:15:30.25+05:30')).toBe(5.5);
    expect(utcOffsetHours('2026-01-01T08:15:30Z')).toBeNull();
    expect(utcOffsetHours('2012-05-22 23:57:23.97')).toBeNull();
    expect(utcOffsetHours('+02:00')).toBeNull();
  });
});

describe('sign 1: lat out of range, long a valid latitude', () => {
  it('is certain for Riverton swapped, and silent otherwise', () => {
    expect(outOfRangeSwap({ lat: -93.625, long: 41.5868 })).toBe(true);
    expect(outOfRangeSwap({ lat: 41.5868, long: -93.625 })).toBe(false);
    expect(outOfRangeSwap({ lat: 95, long: 120 })).toBe(false); // no reading of it is valid: only out of range
  });
});

describe('sign 3: solar time', () => {
  it('flags the Helsinki fixture: +02:00 fits lat 22.27 / 15, not long 60.45 / 15', () => {
    expect(solarTimeSwap(at(22.266944, 60.451667, 2))).toBe(true);
  });

  it.each(Object.entries(REAL))('leaves %s alone', (_place, points) => {
    for (const p of points) expect(solarTimeSwap(p), JSON.stringify(p)).toBe(false);
  });

  it('says nothing without an offset, with a zero offset, or when the swap is no valid point', () => {
    expect(solarTimeSwap(at(22.266944, 60.451667, null))).toBe(false);
    expect(solarTimeSwap(at(1.3, 103.8, 0))).toBe(false); // Singapore written in UTC
    expect(solarTimeSwap(at(15, 120, 1))).toBe(false); // |long| > 90 cannot be a latitude
  });
});

describe('sign 2: an outlier whose swap lands among the others', () => {
  const riverton: Point[] = [
    { lat: 41.5868, long: -93.625 }, { lat: 41.60, long: -93.61 }, { lat: 41.57, long: -93.64 },
    { lat: 41.59, long: -93.60 }, { lat: 41.58, long: -93.66 },
  ];
  const helsinki: Point[] = [{ lat: 60.17, long: 24.94 }, { lat: 60.19, long: 24.95 }, { lat: 60.16, long: 24.92 }, { lat: 60.2, long: 24.9 }];

  it('finds a swapped Helsinki point among Helsinki points', () => {
    const list = [...helsinki, { lat: 24.93, long: 60.18 }];
    const [found, ...more] = outlierSwaps(list);
    expect(more).toEqual([]);
    expect(found?.index).toBe(4);
    expect(found?.farKm).toBeGreaterThan(200);
    expect(found?.nearKm).toBeLessThan(50);
  });

  it('needs five located points, and skips unlocated ones', () => {
    expect(outlierSwaps([...helsinki.slice(0, 3), { lat: 24.93, long: 60.18 }])).toEqual([]);
    expect(outlierSwaps([...helsinki.slice(0, 3), null, { lat: 24.93, long: 60.18 }])).toEqual([]);
  });

  it('leaves a far point alone when its swap is no nearer (a request from the next state)', () => {
    expect(outlierSwaps([...riverton, { lat: 38.63, long: -90.2 }])).toEqual([]);
    expect(outlierSwaps(riverton)).toEqual([]);
    expect(outlierSwaps(helsinki.concat([{ lat: 61.5, long: 23.76 }]))).toEqual([]);
  });
});

describe('swapSuspicions', () => {
  it('gives one reason per suspicious point and null for the rest', () => {
    const reasons = swapSuspicions([at(-93.625, 41.5868, -5), at(41.5868, -93.625, -5), null, at(22.266944, 60.451667, 2)]);
    expect(reasons[0]).toMatch(/beyond ±90.*swapped/);
    expect(reasons[1]).toBeNull();
    expect(reasons[2]).toBeNull();
    expect(reasons[3]).toMatch(/offset fits lat \/ 15 = 1\.5 h, not long \/ 15 = 4\.0 h/);
  });

  it('measures distance on the sphere', () => {
    expect(distanceKm({ lat: 60.17, long: 24.94 }, { lat: 59.44, long: 24.75 })).toBeCloseTo(82, -1); // Helsinki–Tallinn
  });
});
