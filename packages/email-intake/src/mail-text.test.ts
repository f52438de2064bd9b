import { describe, expect, it } from 'vitest';
import { ownWords, typedLocation } from './mail-text.js';

describe('ownWords', () => {
  it('keeps the reply and drops the quoted mail and the signature', () => {
    const text = 'Still there, see photo.\r\n\r\nOn Fri, 4 Dec 2026, Riverton 311 wrote:\r\n> Your request 12 was received.\r\n> Thanks';
    expect(ownWords(text)).toBe('Still there, see photo.');
    expect(ownWords('Thanks\n-- \nJane\n555-0100')).toBe('Thanks');
    expect(ownWords('Sigue ahí.\nEl vie, 4 dic 2026, Riverton escribió:\n> hola')).toBe('Sigue ahí.');
  });
});

describe('typedLocation', () => {
  it('reads coordinates, else an address line', () => {
    expect(typedLocation('It is at 41.5868, -93.6250 by the school')).toEqual({ lat: 41.5868, long: -93.625 });
    expect(typedLocation('Hello\nAddress: 400 Robert D Ray Dr\nthanks')).toEqual({ address: '400 Robert D Ray Dr' });
    expect(typedLocation('Dirección: Calle Mayor 5')).toEqual({ address: 'Calle Mayor 5' });
    expect(typedLocation('no place here')).toBeUndefined();
  });
});
