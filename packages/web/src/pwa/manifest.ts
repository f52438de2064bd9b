/**
 * The web app manifest (`/manifest.webmanifest`): what a browser needs to
 * install the citizen app. The app is a generic Open311 client (it reports to
 * any endpoint found through discovery), so it is named after the site.
 */
import type { Translator } from '../i18n/translate.js';
import { ICON_PREFIX, OUTBOX_PATH } from './paths.js';

/** The brand colour of o311.css (`--brand`) and its page background. */
export const THEME_COLOR = '#0b5cad';
export const BACKGROUND_COLOR = '#ffffff';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: 'any' | 'maskable';
}

/** The PNG icons in public/icons/ (their sizes are checked by test/pwa.test.ts). */
export const MANIFEST_ICONS: readonly ManifestIcon[] = [
  { src: `${ICON_PREFIX}icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: `${ICON_PREFIX}icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: `${ICON_PREFIX}icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: '/assets/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
];

export const APPLE_TOUCH_ICON = `${ICON_PREFIX}apple-touch-icon.png`;

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  categories: string[];
  icons: readonly ManifestIcon[];
  shortcuts: { name: string; url: string }[];
}

export function webManifest(t: Translator): WebManifest {
  const site = t('common.siteName');
  return {
    id: '/',
    name: t('pwa.name', { site }),
    short_name: site,
    description: t('pwa.description'),
    lang: t.locale,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ['government', 'utilities'],
    icons: MANIFEST_ICONS,
    shortcuts: [{ name: t('pwa.outbox.title'), url: OUTBOX_PATH }],
  };
}
