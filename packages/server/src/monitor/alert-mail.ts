/**
 * The alert mail of one monitor event, to the endpoint's registry contact:
 * what happened, since when, the cause, and the endpoint's status page (a
 * link from the configured public origin). Plain text and simple HTML from
 * the same lines; English, as the registry keeps no language for a contact.
 */
import { escapeXmlText, formatDateTime } from '@o311/georeport';
import type { Endpoint, Incident, MonitorEvent, NewOutboxMessage } from '@o311/store';

const when = (ms: number): string => formatDateTime(ms, 'UTC');

/** e.g. `2 h 5 min`, `45 s`. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const d = Math.floor(h / 24);
  if (d > 0) return `${d} d ${h % 24} h`;
  return `${h} h ${min % 60} min`;
}

function lines(event: MonitorEvent, endpoint: Endpoint, incident: Incident | undefined): { subject: string; paragraphs: string[] } {
  const name = endpoint.name;
  switch (event.kind) {
    case 'down':
      return {
        subject: `${name} is down`,
        paragraphs: [
          `The Open311 endpoint ${name} (${endpoint.slug}) has not answered correctly since ${when(incident?.opened_at ?? event.at)}` +
            (incident ? `: ${incident.failed_polls} failed polls in a row.` : '.'),
          `Cause: ${incident ? `${incident.cause_kind}: ${incident.cause}` : event.detail}`,
          'You will get another message when it is back.',
        ],
      };
    case 'up':
      return {
        subject: `${name} is back up`,
        paragraphs: [
          `The Open311 endpoint ${name} (${endpoint.slug}) answers again since ${when(event.at)}` +
            (incident ? `, after ${durationText(event.at - incident.opened_at)} down (since ${when(incident.opened_at)}, ${incident.failed_polls} failed polls).` : '.'),
          ...(incident ? [`The cause was: ${incident.cause_kind}: ${incident.cause}`] : []),
        ],
      };
    case 'score-drop':
      return {
        subject: `${name}: conformance score dropped`,
        paragraphs: [
          `The daily conformance check of the Open311 endpoint ${name} (${endpoint.slug}) on ${when(event.at)} scored lower than before.`,
          event.detail,
        ],
      };
  }
}

export function alertMail(to: string, event: MonitorEvent, endpoint: Endpoint, incident: Incident | undefined, statusLink: string): NewOutboxMessage {
  const { subject, paragraphs } = lines(event, endpoint, incident);
  const footer = 'You get this message as the contact of this endpoint in the Open311 registry.';
  const text = [...paragraphs, `Status page:\n${statusLink}`, `--\n${footer}`].join('\n\n');
  const e = escapeXmlText;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body>
${paragraphs.map((p) => `<p>${e(p)}</p>\n`).join('')}<p><a href="${e(statusLink)}">Status page of ${e(endpoint.name)}</a></p>
<hr>
<p><small>${e(footer)}</small></p>
</body></html>`;
  return { to, subject: `[o311 status] ${subject}`, text: `${text}\n`, html: body };
}
