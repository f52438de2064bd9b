import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { age, countryName, duration, perDay } from './figure-format.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('status figures in words', () => {
  const en = translator('en');
  const fr = translator('fr');

  it('writes durations in their two largest units', () => {
    expect(duration(en, 30_000)).toBe('less than a minute');
    expect(duration(en, 5 * MINUTE)).toBe('5 minutes');
    expect(duration(en, 2 * HOUR + 5 * MINUTE + 59_000)).toBe('2 hours, 5 minutes');
    expect(duration(en, 3 * DAY + 20 * MINUTE)).toBe('3 days');
    expect(duration(en, DAY + HOUR)).toBe('1 day, 1 hour');
    expect(duration(fr, 2 * HOUR + 5 * MINUTE)).toMatch(/^2\sheures et 5\sminutes$/);
  });

  it('writes ages relative to now', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(age(en, now - 5 * HOUR - 10 * MINUTE, now)).toBe('5 hours ago');
    expect(age(en, now - DAY, now)).toBe('yesterday');
    expect(age(en, now - 20_000, now)).toBe('this minute');
    expect(age(fr, now - 3 * DAY, now)).toBe('il y a 3 jours');
  });

  it('writes rates a day, and lower bounds when the endpoint capped its answer', () => {
    expect(perDay(en, 1000, 7, true)).toBe('at least 142.9');
    expect(perDay(fr, 70, 7, false)).toBe('10');
    expect(perDay(fr, 10, 3, false)).toBe('3,3');
  });

  it('names countries in the reader’s language', () => {
    expect(countryName(en, 'FR')).toBe('France');
    expect(countryName(translator('es'), 'US')).toBe('Estados Unidos');
  });
});
