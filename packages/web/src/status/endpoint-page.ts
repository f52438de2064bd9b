/**
 * `/status/{slug}`: one endpoint's state now and its last poll, its figures
 * (uptime, latency, score), the four charts, comprehensiveness and citizen
 * utilisation from the latest usage sample, its incidents, and the links to
 * the validator's badge and runs.
 */
import type { Incident, PollSample, UsageSample } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { dataTable } from './data-table.js';
import { endpointCharts } from './endpoint-charts.js';
import type { EndpointFigures } from './endpoint-figures.js';
import { age, count, countAtLeast, countryName, dateTimeUtc, duration, milliseconds, orNoData, percent, perDay, timeElement } from './figure-format.js';
import { tierName } from './overview-page.js';
import { STATUS_PATH, incidentAnchor, statusApiPath } from './paths.js';
import { badgePath, endpointRunsPath, runPath } from '../validate/paths.js';
import { stateLabel } from './state-label.js';
import { shownSince } from './status-row.js';

const fact = (label: string, value: Html | string, id?: string): Html =>
  html`<div class="status-fact"${id ? html` id="${id}"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`;

const errorKind = (t: Translator, kind: PollSample['error_kind']): string => (kind ? t(`status.errorKind.${kind}`) : '');

function lastPoll(t: Translator, p: PollSample | undefined): Html | string {
  return orNoData(t, p, (s) => {
    const parts = [
      s.ok ? t('status.pollOk') : t('status.pollFailed', { kind: errorKind(t, s.error_kind) }),
      s.http_status !== null ? t('status.httpStatus', { status: s.http_status }) : '',
      s.latency_ms !== null ? milliseconds(t, s.latency_ms) : '',
    ].filter((x) => x !== '');
    return html`${timeElement(dateTimeUtc(t, s.at), s.at)}: ${parts.join(' · ')}${s.error ? html`<br><span class="status-error">${s.error}</span>` : ''}`;
  });
}

function summary(t: Translator, f: EndpointFigures): Html {
  const r = f.row;
  return html`<dl class="status-facts" id="status-facts">
${fact(t('status.col.state'), stateLabel(t, r), 'fact-state')}
${fact(t('status.col.since'), orNoData(t, shownSince(r), (ms) => timeElement(dateTimeUtc(t, ms), ms)))}
${fact(t('status.lastPoll'), lastPoll(t, f.lastPoll), 'fact-last-poll')}
${fact(t('status.col.tier'), tierName(t, r.tier))}
${fact(t('status.col.country'), orNoData(t, r.country, (c) => countryName(t, c)))}
${fact(t('status.uptime'), html`<span id="fact-uptime">${t('status.uptimeFigures', {
    h24: r.uptime_24h === null ? '—' : percent(t, r.uptime_24h),
    d7: r.uptime_7d === null ? '—' : percent(t, r.uptime_7d),
    d30: r.uptime_30d === null ? '—' : percent(t, r.uptime_30d),
    d90: r.uptime_90d === null ? '—' : percent(t, r.uptime_90d),
  })}</span>`)}
${fact(t('status.latency'), html`<span id="fact-latency">${t('status.latencyFigures', {
    p50: r.p50_ms === null ? '—' : milliseconds(t, r.p50_ms),
    p95: r.p95_ms === null ? '—' : milliseconds(t, r.p95_ms),
  })}</span>`)}
${fact(t('status.col.score'), orNoData(t, r.score, (s) => {
    const text = t('status.scoreDetail', { score: count(t, s.score), errors: count(t, s.errors), warnings: count(t, s.warnings), date: dateTimeUtc(t, s.at) });
    return s.run_id ? html`<a href="${runPath(s.run_id)}">${text}</a>` : text;
  }), 'fact-score')}
${f.endpoint.base_url ? fact(t('status.baseUrl'), html`<code>${f.endpoint.base_url}</code>`) : ''}
</dl>`;
}

function badge(t: Translator, f: EndpointFigures): Html {
  const src = badgePath(f.row.slug);
  return html`<p class="status-badge"><img src="${src}" alt="${t('status.badgeAlt', { name: f.row.name })}" height="20"> <a href="${endpointRunsPath(f.row.slug)}">${t('status.runsLink')}</a></p>`;
}

const share = (t: Translator, v: number | null): Html | string => orNoData(t, v, (x) => percent(t, x));

function comprehensiveness(t: Translator, u: UsageSample | undefined, now: number): Html {
  if (!u) return html`<section aria-labelledby="usage-title"><h2 id="usage-title">${t('status.usage')}</h2><p class="status-empty">${t('status.noUsage')}</p></section>`;
  const complete = dataTable({
    id: 'status-completeness',
    caption: t.plural('status.completeness', u.sampled),
    numericFrom: 1,
    columns: [t('status.col.field'), t('status.col.share')],
    rows: [
      [t('status.field.location'), share(t, u.with_location)],
      [t('status.field.address'), share(t, u.with_address)],
      [t('status.field.updated'), share(t, u.with_updated)],
      [t('status.field.media'), share(t, u.with_media)],
      [t('status.field.statusNotes'), share(t, u.with_status_notes)],
    ],
  });
  return html`<section aria-labelledby="usage-title"><h2 id="usage-title">${t('status.usage')}</h2>
<p class="hint">${t('status.usageSampled', { date: dateTimeUtc(t, u.at) })}</p>
<dl class="status-facts" id="status-utilisation">
${fact(t('status.services'), count(t, u.services))}
${fact(t('status.col.requests7d'), t('status.requestsWithRate', { n: countAtLeast(t, u.requests_7d, u.capped), rate: perDay(t, u.requests_7d, 7, u.capped) }))}
${fact(t('status.col.requests30d'), t('status.requestsWithRate', { n: countAtLeast(t, u.requests_30d, u.capped), rate: perDay(t, u.requests_30d, 30, u.capped) }))}
${fact(t('status.col.openClosed'), t('status.openClosed', { open: count(t, u.open), closed: count(t, u.closed) }))}
${fact(t('status.col.newest'), orNoData(t, u.newest_at, (ms) => timeElement(age(t, ms, now), ms)))}
</dl>
${complete}
</section>`;
}

function incidentRow(t: Translator, i: Incident, now: number): (Html | string)[] {
  return [
    html`<span id="${incidentAnchor(i.id)}">${timeElement(dateTimeUtc(t, i.opened_at), i.opened_at)}</span>`,
    i.closed_at === null ? html`<strong>${t('status.ongoing')}</strong>` : timeElement(dateTimeUtc(t, i.closed_at), i.closed_at),
    duration(t, (i.closed_at ?? now) - i.opened_at),
    html`${t(`status.errorKind.${i.cause_kind}`)}: ${i.cause}`,
    count(t, i.failed_polls),
  ];
}

function incidents(t: Translator, list: readonly Incident[], now: number): Html {
  return html`<section aria-labelledby="incidents-title"><h2 id="incidents-title">${t('status.incidents')}</h2>
${list.length === 0
    ? html`<p class="status-empty" id="no-incidents">${t('status.noIncidents')}</p>`
    : dataTable({
      id: 'status-incidents',
      caption: t('status.incidents'),
      columns: [t('status.col.opened'), t('status.col.closed'), t('status.col.duration'), t('status.col.cause'), t('status.col.failedPolls')],
      rows: list.map((i) => incidentRow(t, i, now)),
    })}
</section>`;
}

export function endpointPage(t: Translator, f: EndpointFigures, now: number): Html {
  return html`<div class="status-page">
<p class="breadcrumb"><a href="${STATUS_PATH}">${t('status.allEndpoints')}</a></p>
<h1>${f.row.name}</h1>
${summary(t, f)}
${badge(t, f)}
<p class="status-links"><a href="${statusApiPath(f.row.slug)}">${t('status.jsonLink')}</a></p>
${endpointCharts(t, f)}
${comprehensiveness(t, f.latestUsage, now)}
${incidents(t, f.incidents, now)}
</div>`;
}
