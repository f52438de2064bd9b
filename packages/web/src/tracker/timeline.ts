/** The parcel-tracker timeline: every public event, oldest first, the latest marked current. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { statusLabel } from './status-label.js';
import type { TimelineEvent } from './tracked-request.js';

export const eventAnchor = (n: number): string => `update-${n}`;

function reporterTitle(t: Translator, e: TimelineEvent): string | undefined {
  if (!e.reporter) return undefined;
  if (e.type === 'status_change') return t('reporter.timeline.reopened');
  return t(e.reporter.kind === 'notFixed' ? 'reporter.timeline.notFixed' : 'reporter.timeline.from');
}

export function eventTitle(t: Translator, e: TimelineEvent): string {
  const byReporter = reporterTitle(t, e);
  if (byReporter !== undefined) return byReporter;
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
${e.reporter?.photo ? html`<p class="event-photo"><a href="${e.reporter.photo}"><img src="${e.reporter.photo}" alt="${t('reporter.timeline.photo')}" loading="lazy" width="240"></a></p>` : ''}
</li>`;

export const timeline = (t: Translator, timezone: string, events: readonly TimelineEvent[]): Html =>
  html`<ol class="timeline" id="timeline">${events.map((e, i) => eventItem(t, timezone, e, i === events.length - 1))}</ol>`;
