/**
 * The photos uploaded with a request (served by the GeoReport media route) and
 * a link given by the client; for agents and admins, each with its "hide"
 * form (moderation: hidden ones are listed in the moderation section).
 */
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { RequestPageData } from '../load.js';
import { mediaPath, safeHref } from '../public-link.js';
import { mediaLink } from './media-link.js';

/** Actions under each photo and under the link. */
export interface PhotoTools {
  photo(mediaId: string, n: number): Html;
  link(): Html;
}

export function photos(t: Translator, data: RequestPageData, tools?: PhotoTools): Html {
  const r = data.request;
  if (r.media_ids.length === 0 && safeHref(r.media_url) === undefined) return html``;
  const count = r.media_ids.length;
  return html`<section class="request-section" aria-labelledby="request-photos-title">
<h2 id="request-photos-title">${t('inbox.req.photos')}</h2>
<ul class="request-photos">${r.media_ids.map((id, i) => html`<li><a href="${mediaPath(id)}">
<img src="${mediaPath(id)}" alt="${t('inbox.req.photoAlt', { n: i + 1, count, id: r.id })}" loading="lazy"></a>${tools?.photo(id, i + 1) ?? ''}</li>`)}</ul>
${mediaLink(t, r.media_url)}${tools && safeHref(r.media_url) !== undefined ? tools.link() : ''}
</section>`;
}
