/** The language of one HTTP request, remembered in a cookie when chosen with `?lang=`. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCALE_COOKIE, isLocale, pickLocale, type Locale } from './i18n/locales.js';
import { translator, type Translator } from './i18n/translate.js';

const YEAR_SECONDS = 365 * 24 * 3600;

export function localeOf(request: FastifyRequest, reply: FastifyReply): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const chosen = typeof query === 'string' ? query : undefined;
  const locale = pickLocale({
    query: chosen,
    cookie: request.cookies[LOCALE_COOKIE],
    acceptLanguage: request.headers['accept-language'],
  });
  if (isLocale(chosen)) rememberLocale(reply, chosen);
  return locale;
}

/** Makes `locale` this browser's language (null forgets the choice). */
export function rememberLocale(reply: FastifyReply, locale: string | null): void {
  if (locale !== null && isLocale(locale)) {
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
  } else {
    reply.clearCookie(LOCALE_COOKIE, { path: '/' });
  }
}

export const translatorFor = (request: FastifyRequest, reply: FastifyReply): Translator =>
  translator(localeOf(request, reply));
