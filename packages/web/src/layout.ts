/** The page shell shared by every app: landmarks, skip link, language switcher, styles and scripts. */
import { html, type Html } from './html.js';
import { LOCALE_NAMES, LOCALES } from './i18n/locales.js';
import type { Translator } from './i18n/translate.js';
import { appConfig, appHead } from './pwa/app-shell.js';

export type Area = 'citizen' | 'staff';

export interface PageOptions {
  t: Translator;
  title: string;
  main: Html;
  area: Area;
  /** Path and query of this page, for the language links. */
  path: string;
  /** Navigation links of the area, rendered inside the header's <nav>. */
  nav?: Html;
  /** Extra elements for <head> (e.g. an Atom feed link). */
  head?: Html;
  /** Module scripts under /assets/js/ (e.g. `report.js`, compiled from browser/report.ts). */
  scripts?: readonly string[];
  /** Leaflet's CSS and script are added when true. */
  map?: boolean;
}

function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

function languageSwitcher(t: Translator, path: string): Html {
  return html`<nav class="languages" aria-label="${t('common.changeLanguage')}"><ul>${LOCALES.map((l) =>
    l === t.locale
      ? html`<li><span aria-current="true" lang="${l}">${LOCALE_NAMES[l]}</span></li>`
      : html`<li><a href="${withLang(path, l)}" lang="${l}" hreflang="${l}">${LOCALE_NAMES[l]}</a></li>`,
  )}</ul></nav>`;
}

export function renderPage(o: PageOptions): string {
  const { t } = o;
  const doc = html`<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · ${t('common.siteName')}</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/o311.css">
${o.area === 'staff' ? html`<link rel="stylesheet" href="/assets/staff.css">` : appHead()}
${o.map ? html`<link rel="stylesheet" href="/assets/vendor/leaflet/leaflet.css"><script src="/assets/vendor/leaflet/leaflet.js" defer></script>` : ''}
${o.head ?? ''}
</head>
<body class="area-${o.area}">
<a class="skip-link" href="#main">${t('common.skipToContent')}</a>
<header class="site-header">
<a class="brand" href="${o.area === 'staff' ? '/staff' : '/'}">${t('common.siteName')}</a>
${o.nav ? html`<nav class="site-nav" aria-label="${t('common.mainNav')}">${o.nav}</nav>` : ''}
${languageSwitcher(t, o.path)}
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
${o.area === 'citizen' ? appConfig(t) : ''}
${[...(o.scripts ?? []), ...(o.area === 'citizen' ? ['pwa.js'] : [])].map((s) => html`<script type="module" src="/assets/js/${s}"></script>`)}
</body>
</html>`;
  return doc.value;
}
