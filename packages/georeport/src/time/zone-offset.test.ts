import { describe, it, expect } from 'vitest';
import { zoneOffsetMinutes } from './zone-offset.js';

/** Offset straight from Intl, uncached, for comparison. */
function intlOffset(ms: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (m === null) throw new Error(`unexpected offset name ${name}`);
  return m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const ZONES = ['America/Chicago', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Berlin', 'America/St_Johns', 'Pacific/Chatham'];

describe('zoneOffsetMinutes', () => {
  it('is 0 for UTC and its aliases without asking Intl', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT']) expect(zoneOffsetMinutes(Date.UTC(2026, 5, 1), zone)).toBe(0);
  });

  it('matches Intl every 10 minutes through every day of 2026 with a transition', () => {
    const day = 86_400_000;
    let transitionDays = 0;
    for (const zone of ZONES) {
      for (let start = Date.UTC(2026, 0, 1); start < Date.UTC(2027, 0, 1); start += day) {
        if (intlOffset(start, zone) === intlOffset(start + day - 1000, zone)) continue;
        transitionDays++;
        for (let t = start; t < start + day; t += 600_000) {
          expect(zoneOffsetMinutes(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(intlOffset(t, zone));
        }
      }
    }
    expect(transitionDays).toBe(10); // two a year in each zone but Kolkata
  });

  it('changes exactly at the transition second', () => {
    const t = Date.UTC(2026, 2, 29, 1, 0, 0); // Berlin: 02:00 CET becomes 03:00 CEST
    expect(zoneOffsetMinutes(t - 1, 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(t, 'Europe/Berlin')).toBe(120);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => zoneOffsetMinutes(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
