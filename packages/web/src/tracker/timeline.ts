/** The parcel-tracker timeline: every public event, oldest first, the latest marked current. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { statusLabel } from './status-label.js';
import type { TimelineEvent } from './tracked-request.js';

export const eventAnchor = (n: number): string => `update-${n}`;

export function eventTitle(t: Translator, e: TimelineEvent): string {
  switch (e.type) {
    case 'submitted':
      return t('timeline.submitted');
    case 'status_change':
      return t('timeline.statusChange', { status: statusLabel(t, e.status) });
    case 'comment':
      return t('timeline.comment');
  }
}

const eventItem = (t: Translator, timezone: string, e: TimelineEvent, last: boolean): Html =>
  html`<li class="event event-${e.type}${last ? ' event-current' : ''}" id="${eventAnchor(e.n)}"${last ? html` aria-current="step"` : ''}>
<h3 class="event-title">${eventTitle(t, e)}</h3>
<p class="event-time"><time datetime="${e.datetime}">${t.dateTime(e.at, timezone)}</time></p>
${e.description ? html`<p class="event-description">${e.description}</p>` : ''}
</li>`;

export const timeline = (t: Translator, timezone: string, events: readonly TimelineEvent[]): Html =>
  html`<ol class="timeline" id="timeline">${events.map((e, i) => eventItem(t, timezone, e, i === events.length - 1))}</ol>`;
