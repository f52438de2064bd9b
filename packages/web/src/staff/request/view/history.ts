/** The full history of a request, oldest first, internal notes marked as such. */
import type { RequestEvent } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { RequestPageData } from '../load.js';
import { statusLabel } from '../status-labels.js';
import { mediaLink } from './media-link.js';
import { authorLabel } from '../../../reporter/staff-marks.js';

const TYPE_KEYS = {
  submitted: 'inbox.event.submitted',
  status_change: 'inbox.event.status_change',
  comment: 'inbox.event.comment',
} as const;

function event(t: Translator, e: RequestEvent, tz: string): Html {
  const visibility = e.public
    ? html`<span class="request-badge request-badge-public">${t('inbox.event.public')}</span>`
    : html`<span class="request-badge request-badge-internal">${t('inbox.event.internal')}</span>`;
  return html`<li class="request-event${e.public ? '' : ' request-event-internal'}">
<p class="request-event-head"><time datetime="${new Date(e.at).toISOString()}">${t.dateTime(e.at, tz)}</time>
· <strong>${t(TYPE_KEYS[e.type])}</strong> · ${statusLabel(t, e.status)} ${visibility}${e.author ? html` · ${authorLabel(t, e.author)}` : ''}</p>
${e.description ? html`<p class="request-event-text">${e.description}</p>` : ''}
${mediaLink(t, e.media_url)}
</li>`;
}

export function history(t: Translator, data: RequestPageData): Html {
  const tz = data.directory.jurisdiction.timezone;
  return html`<section class="request-section" aria-labelledby="request-history-title">
<h2 id="request-history-title">${t('inbox.req.history')}</h2>
<ol class="request-history">${data.events.map((e) => event(t, e, tz))}</ol>
</section>`;
}
