import { describe, expect, it } from 'vitest';
import { en } from './texts/en.js';
import { es } from './texts/es.js';
import { fr } from './texts/fr.js';
import { isGsm7, toGsm7 } from './gsm7.js';

describe('GSM-7', () => {
  it.each([['en', en], ['es', es], ['fr', fr]] as const)('every %s text is written in GSM-7', (_locale, texts) => {
    const outside = Object.entries(texts).filter(([, text]) => !isGsm7(text)).map(([key]) => key);
    expect(outside).toEqual([]);
  });

  it('folds the letters GSM-7 lacks to their plain form and keeps the ones it has', () => {
    expect(toGsm7('¿En qué parte de la vía está? Pequeño, ça, Ça, hôtel, “quoted” – ok…')).toBe('¿En qué parte de la via esta? Pequeño, ca, Ça, hotel, "quoted" - ok...');
    expect(isGsm7(toGsm7('Árbol caído en la acción'))).toBe(true);
  });

  it('keeps what has no GSM-7 form (the reporter sent it)', () => {
    expect(toGsm7('bache 🚧 坑')).toBe('bache 🚧 坑');
  });
});
