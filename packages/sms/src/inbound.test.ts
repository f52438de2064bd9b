import { describe, expect, it } from 'vitest';
import { cleanBody, e164, readable } from './inbound.js';
import { keywordOf } from './keywords.js';
import { guessLanguage } from './language.js';
import { sharedLocation } from './location.js';

describe('inbound text', () => {
  it('writes numbers in E.164 and refuses what is not one', () => {
    expect(e164('+1 (555) 010-0001')).toBe('+15550100001');
    expect(e164('5550100001')).toBeUndefined();
    expect(e164('+0123456789')).toBeUndefined();
    expect(e164('+1'.padEnd(40, '5'))).toBeUndefined();
  });

  it('cleans control characters and broken surrogates, keeps emoji and line breaks', () => {
    expect(cleanBody(' a\u0000b\u0007c\r\nd \ud800 🕳️ ')).toBe('a b c\nd \ufffd 🕳️');
    expect(readable(cleanBody('\ufffd\ufffd'))).toBe(false);
    expect(readable('🕳️')).toBe(true);
    expect(readable('  ')).toBe(false);
  });
});

describe('keywords', () => {
  it('knows STOP, START, HELP, RESTART and yes in every language, only as the whole message', () => {
    // Twilio's and the carriers' opt-out words, CANCEL among them, are all STOP.
    for (const w of ['STOP', 'stop.', 'Unsubscribe', 'CANCEL', 'cancel', 'STOPALL', 'END', 'QUIT', 'CANCELAR', 'arrêt', 'ARRET', 'annuler']) expect(keywordOf(w)).toEqual({ kind: 'stop' });
    for (const w of ['RESTART', 'new', 'start over', 'reiniciar', 'nuevo', 'recommencer', 'nouveau']) expect(keywordOf(w)).toEqual({ kind: 'restart' });
    expect(keywordOf('stop the leak')).toBeUndefined();
    expect(keywordOf('start')).toEqual({ kind: 'start' });
    expect(keywordOf('Ayuda')).toEqual({ kind: 'help' });
    expect(keywordOf('start over')).toEqual({ kind: 'restart' });
    for (const w of ['yes', '¡Sí!', 'oui']) expect(keywordOf(w)).toEqual({ kind: 'yes' });
    expect(keywordOf('enviar')).toEqual({ kind: 'send' });
    expect(keywordOf('LANG es')).toEqual({ kind: 'language', locale: 'es' });
    expect(keywordOf('français')).toEqual({ kind: 'language', locale: 'fr' });
    expect(keywordOf('LANG de')).toBeUndefined();
  });
});

describe('language of a new conversation', () => {
  it('reads the words first, then the country of the number, then the default', () => {
    expect(guessLanguage('Hola, hay un bache', '+15550100001', 'en')).toBe('es');
    expect(guessLanguage('Bonjour, il y a un nid de poule', '+15550100001', 'en')).toBe('fr');
    expect(guessLanguage('Hi, there is a pothole', '+34600000001', 'en')).toBe('en');
    expect(guessLanguage('42', '+34600000001', 'en')).toBe('es');
    expect(guessLanguage('42', '+33600000001', 'en')).toBe('fr');
    expect(guessLanguage('42', '+15550100001', 'es')).toBe('es');
  });
});

describe('shared locations', () => {
  it('reads geo: URIs, map links and bare pairs', () => {
    expect(sharedLocation('geo:41.59,-93.61?z=18')).toEqual({ lat: 41.59, long: -93.61 });
    expect(sharedLocation('41.59, -93.61')).toEqual({ lat: 41.59, long: -93.61 });
    expect(sharedLocation('Here https://www.google.com/maps/@41.5868,-93.625,17z')).toEqual({ lat: 41.5868, long: -93.625 });
    expect(sharedLocation('https://maps.google.com/?q=41.5868,-93.625')).toEqual({ lat: 41.5868, long: -93.625 });
    expect(sharedLocation('https://maps.apple.com/?ll=41.5868,-93.625')).toEqual({ lat: 41.5868, long: -93.625 });
    expect(sharedLocation('https://www.openstreetmap.org/?mlat=41.5868&mlon=-93.625#map=17/41.5868/-93.625')).toEqual({ lat: 41.5868, long: -93.625 });
    expect(sharedLocation('https://www.openstreetmap.org/#map=17/41.5868/-93.625')).toEqual({ lat: 41.5868, long: -93.625 });
  });

  it('leaves addresses and impossible points to the geocoder', () => {
    expect(sharedLocation('200 Main St')).toBeUndefined();
    expect(sharedLocation('95, 10')).toBeUndefined();
    expect(sharedLocation('https://example.org/nothing')).toBeUndefined();
    expect(sharedLocation('http://[bad')).toBeUndefined();
  });
});
