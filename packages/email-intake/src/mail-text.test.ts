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

describe('signatures and contacts', () => {
  it('cuts sign-offs with a short tail in three languages, "--" without its space, and "Sent from" lines', () => {
    expect(ownWords('Hole on Elm.\n\nRegards,\nBea\n+1 515 555 0100')).toBe('Hole on Elm.');
    expect(ownWords('Bache en la calle.\n\nSaludos\nAna')).toBe('Bache en la calle.');
    expect(ownWords('Nid de poule.\nCordialement,\nLuc Martin\nluc@example.fr')).toBe('Nid de poule.');
    expect(ownWords('Paint.\n--\nHtml Person')).toBe('Paint.');
    expect(ownWords('Paint.\n\nSent from my iPhone')).toBe('Paint.');
    expect(ownWords('Thanks')).toBe('Thanks');
    const stillWriting = `Lamp out.\nThanks,\n${'and the next one is out too, please look at the whole row of lamps. '.repeat(2)}`;
    expect(ownWords(stillWriting)).toBe(stillWriting.trim());
  });

  it('removes e-mail addresses, phone numbers and link annotations, keeping coordinates and dates', async () => {
    const { publicText } = await import('./public-text.js');
    expect(publicText('Mail a@b.example or call (515) 555-0199 / +33 1 23 45 67 89 [http://t.example/p.gif]'))
      .toBe('Mail [e-mail removed] or call [phone removed] / [phone removed]');
    expect(publicText('At 41.5868 -93.6250 on 2026-12-04, request 6003')).toBe('At 41.5868 -93.6250 on 2026-12-04, request 6003');
  });
});
