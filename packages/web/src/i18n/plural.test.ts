import { describe, expect, it } from 'vitest';
import { translator } from './translate.js';

describe('counted messages', () => {
  it('take the form the language asks for', () => {
    expect(translator('en').plural('home.filterCount', 1)).toBe('1 matching service');
    expect(translator('en').plural('home.filterCount', 0)).toBe('0 matching services');
    expect(translator('es').plural('inbox.total', 1)).toBe('1 solicitud coincide');
    expect(translator('es').plural('inbox.total', 0)).toBe('0 solicitudes coinciden');
    // French counts zero as singular.
    expect(translator('fr').plural('inbox.total', 0)).toBe('0 demande correspond');
    expect(translator('fr').plural('inbox.total', 2)).toBe('2 demandes correspondent');
  });

  it('write the count the language\'s way and fall back to `other` for forms a catalogue leaves out', () => {
    // French and Spanish have a "many" form for millions; the catalogues write only one/other.
    expect(translator('fr').plural('inbox.total', 1_000_000)).toBe('1\u202f000\u202f000 demandes correspondent');
    expect(translator('en').plural('openData.total', 1234, { id: 'x' })).toBe('1,234 requests (jurisdiction x).');
  });

  it('hand every form to the browser', () => {
    expect(translator('fr').pluralForms('home.filterCount')).toEqual({ one: '{count} service correspond', other: '{count} services correspondent' });
  });
});
