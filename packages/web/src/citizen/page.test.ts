import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { publicNav } from './page.js';

/** `href text` of every link of the menu. */
const links = (markup: string): string[] => [...markup.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('the public menu', () => {
  it('links the status pages and the validator, in every language', () => {
    expect(links(publicNav(translator('en')).value).map((l) => l.split(' ')[0])).toEqual([
      '/', '/#track', '/discover', '/status', '/validate', '/dashboard', '/open-data', '/developers', '/account/sign-in',
    ]);
    expect(links(publicNav(translator('en')).value).slice(3, 5)).toEqual(['/status Status', '/validate Validator']);
    expect(links(publicNav(translator('es')).value).slice(3, 5)).toEqual(['/status Estado', '/validate Validador']);
    expect(links(publicNav(translator('fr')).value).slice(3, 5)).toEqual(['/status État', '/validate Validateur']);
  });
});
