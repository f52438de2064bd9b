/**
 * The `locale` extension (CitySDK) on the federated endpoint: the language
 * asked for is passed on to every upstream, and each answer is cached per
 * language. Only a short tag of known subtags is passed on (and becomes part
 * of a cache key, so the caches hold a bounded set): the language and at most
 * a region, read from the start of the value as o311's own endpoint reads it
 * (`es_MX_x` is `es_MX`, `zh-Hant-TW` is `zh`), each known to the runtime's
 * ICU data (about 600 languages, 300 regions). A value that does not start
 * with a known language is no locale, which is how o311's own endpoint treats
 * a locale it has no translation for: the untranslated answer, never an error.
 */
import { Open311Error } from '@o311/client';

/** `es`, `es_MX`, `es_419`: the language lower-case, the region upper-case, joined by `_`. */
export type LocaleTag = string & { readonly __brand: 'LocaleTag' };

/** A language of 2 or 3 letters; then, if the next subtag is one, a region of 2 letters or 3 digits; `-` or `_` between; any case. */
const LANGUAGE = /^[a-z]{2,3}$/i;
const REGION = /^(?:[a-z]{2}|[0-9]{3})$/i;
// Names for known codes only (`fallback: 'none'`): ICU's lists of languages and regions.
const LANGUAGES = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const REGIONS = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

const known = (names: Intl.DisplayNames, code: string): boolean => names.of(code) !== undefined;

/** The tag that is passed on for `raw`, or undefined (no locale) when it is absent or does not start with a known language. */
export function localeTag(raw: string | undefined): LocaleTag | undefined {
  if (raw === undefined) return undefined;
  const [first = '', next = ''] = raw.trim().split(/[-_]/, 2);
  const language = first.toLowerCase();
  if (!LANGUAGE.test(language) || !known(LANGUAGES, language)) return undefined;
  const region = next.toUpperCase();
  return (REGION.test(region) && known(REGIONS, region) ? `${language}_${region}` : language) as LocaleTag;
}

/**
 * Reads in `locale`; when the upstream refuses the parameter (a 400: a plain
 * v2 server validating strictly), reads again without it, so the untranslated
 * answer comes rather than none.
 */
export async function readLocalised<T>(locale: LocaleTag | undefined, read: (locale: LocaleTag | undefined) => Promise<T>): Promise<T> {
  if (locale === undefined) return read(undefined);
  try {
    return await read(locale);
  } catch (err) {
    if (err instanceof Open311Error && err.status === 400) return read(undefined);
    throw err;
  }
}
