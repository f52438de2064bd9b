/** The reporter's catalogues: Spanish and French translate every message and keep its placeholders. */
import { describe, expect, it } from 'vitest';
import { reporterEn } from '../i18n/messages/reporter.en.js';
import { reporterEs } from '../i18n/messages/reporter.es.js';
import { reporterFr } from '../i18n/messages/reporter.fr.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('reporter translations', () => {
  it.each([['es', reporterEs], ['fr', reporterFr]] as const)('%s translates every message and keeps its placeholders', (_locale, catalogue) => {
    for (const key of Object.keys(reporterEn) as (keyof typeof reporterEn)[]) {
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(reporterEn[key]));
      expect(catalogue[key], key).not.toBe(reporterEn[key]);
    }
  });
});
