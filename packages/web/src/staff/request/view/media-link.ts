import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { safeHref } from '../public-link.js';

/** A link to media given as a URL (not uploaded); nothing for an unsafe or absent URL. */
export function mediaLink(t: Translator, url: string | null): Html {
  const href = safeHref(url);
  return href ? html`<p><a href="${href}" rel="noopener noreferrer">${t('inbox.req.mediaLink')}</a></p>` : html``;
}
