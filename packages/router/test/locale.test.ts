/**
 * The federated endpoint's `locale`: which values are passed on (and become
 * cache keys), and the second read without it when an upstream refuses it.
 * On real upstreams, both dialects: packages/server/test/federated-locale.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { NetworkError, Open311Error, type Exchange } from '@o311/client';
import { localeTag, readLocalised, type LocaleTag } from '../src/locale.js';

const answered = (status: number): Open311Error => {
  const exchange: Exchange = {
    request: { method: 'GET', url: 'https://city.example/open311/v2/services.json?locale=es' },
    response: { status, headers: {}, body: `[{"code":${status},"description":"unknown parameter: locale"}]`, size: 0, truncated: false, invalidUtf8: false },
    elapsedMs: 1,
    redirects: [],
  };
  return Open311Error.fromExchange(exchange, 'json');
};

describe('localeTag', () => {
  it('passes on a language with at most a region, in one spelling', () => {
    expect(localeTag('es')).toBe('es');
    expect(localeTag('ES')).toBe('es');
    expect(localeTag(' fr ')).toBe('fr');
    expect(localeTag('es-mx')).toBe('es_MX');
    expect(localeTag('es_MX')).toBe('es_MX');
    expect(localeTag('es-419')).toBe('es_419');
    expect(localeTag('haw')).toBe('haw');
  });

  it('reads the language and region at the start of a longer value, as o311\'s own endpoint does', () => {
    expect(localeTag('es_MX_extra')).toBe('es_MX');
    expect(localeTag('es-ES-x-private')).toBe('es_ES');
    expect(localeTag('zh-Hant-TW')).toBe('zh');
    expect(localeTag('es_MXX')).toBe('es');
    expect(localeTag('es-')).toBe('es');
    expect(localeTag('es_MX;drop')).toBe('es');
    expect(localeTag(`es-${'x'.repeat(5000)}`)).toBe('es');
  });

  it('passes on known subtags only: an unknown region is dropped, an unknown language is no locale', () => {
    expect(localeTag('es_XX')).toBe('es');
    expect(localeTag('es-999')).toBe('es');
    for (const unknown of ['xx', 'qq-MX', 'zzz', 'abc_US']) expect(localeTag(unknown), unknown).toBeUndefined();
  });

  it('reads a value that does not start with a language as no locale', () => {
    for (const bad of [undefined, '', ' ', 'e', 'espanol', 'español', 'es\nMX', '../es', 'x'.repeat(5000), 'es,fr', 'es;fr', '_es', '12']) {
      expect(localeTag(bad), String(bad).slice(0, 20)).toBeUndefined();
    }
  });
});

describe('readLocalised', () => {
  const reader = (refuse: (locale: LocaleTag | undefined) => Error | undefined) => {
    const asked: (LocaleTag | undefined)[] = [];
    const read = async (locale: LocaleTag | undefined): Promise<string> => {
      asked.push(locale);
      const failure = refuse(locale);
      if (failure !== undefined) throw failure;
      return locale ?? 'plain';
    };
    return { asked, read };
  };
  const es = localeTag('es');

  it('asks once, in the locale, when the upstream takes it', async () => {
    const r = reader(() => undefined);
    expect(await readLocalised(es, r.read)).toBe('es');
    expect(r.asked).toEqual(['es']);
    expect(await readLocalised(undefined, r.read)).toBe('plain');
  });

  it('asks again without it after a 400, and only then', async () => {
    const refusing = reader((l) => (l === undefined ? undefined : answered(400)));
    expect(await readLocalised(es, refusing.read)).toBe('plain');
    expect(refusing.asked).toEqual(['es', undefined]);

    for (const failure of [answered(404), answered(503), new NetworkError('timeout', 'https://city.example/', 'no answer')]) {
      const failing = reader(() => failure);
      await expect(readLocalised(es, failing.read)).rejects.toBe(failure);
      expect(failing.asked).toEqual(['es']);
    }
    const plainFails = reader(() => answered(400));
    await expect(readLocalised(undefined, plainFails.read)).rejects.toBeInstanceOf(Open311Error);
    expect(plainFails.asked).toEqual([undefined]);
  });
});
