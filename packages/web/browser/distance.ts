/**
 * Metres between two points (haversine) and as the page's language writes
 * them, rounded to 10 m: the browser's half of src/citizen/distance.ts (the
 * two builds share no code; keep them in step).
 */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

export function distanceM(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLong = rad(b.long - a.long);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function metres(locale: string | undefined, m: number): string {
  const rounded = Math.max(10, Math.round(m / 10) * 10);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short', maximumFractionDigits: 0 }).format(rounded);
}
