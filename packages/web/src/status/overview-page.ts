/**
 * `/status`: how many endpoints are up and down, the filters (a GET form, so
 * the choice is in the URL), and the table of every monitored endpoint with
 * its figures, sortable by any column (links carrying aria-sort) and paged.
 */
import { TIERS, type Tier } from '@o311/georeport';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { dataTable, type ColumnHead } from './data-table.js';
import { agoElement, countryName, milliseconds, orNoData, percent, perDay, count } from './figure-format.js';
import type { Overview } from './overview-data.js';
import { overviewSearch, type OverviewQuery, type SortKey } from './overview-query.js';
import { INCIDENTS_FEED_PATH, STATUS_API_PATH, STATUS_PATH, statusPath } from './paths.js';
import { runPath } from '../validate/paths.js';
import { SHOWN_STATES } from './shown-state.js';
import { stateLabel, stateText } from './state-label.js';
import { shownSince, type StatusRow } from './status-row.js';

export const tierName = (t: Translator, tier: Tier): string => t(`discover.tier.${tier}`);

function counts(t: Translator, o: Overview): Html {
  const { up, down, failing, unknown, total } = o.counts;
  return html`<ul class="status-counts" id="status-counts" aria-label="${t('status.counts', { total: count(t, total) })}">
<li class="status-count-up"><strong>${count(t, up)}</strong> ${t('status.countUp')}</li>
<li class="status-count-down"><strong>${count(t, down)}</strong> ${t('status.countDown')}</li>
<li class="status-count-failing"><strong>${count(t, failing)}</strong> ${t('status.countFailing')}</li>
<li class="status-count-unknown"><strong>${count(t, unknown)}</strong> ${t('status.countUnknown')}</li>
</ul>`;
}

function select(id: string, name: string, label: string, all: string, options: readonly { value: string; text: string }[], chosen: string | undefined): Html {
  return html`<div class="field"><label for="${id}">${label}</label><select id="${id}" name="${name}">
<option value="">${all}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? ' selected' : ''}>${o.text}</option>`)}
</select></div>`;
}

function filters(t: Translator, o: Overview, q: OverviewQuery): Html {
  const countries = o.countries.map((c) => ({ value: c, text: countryName(t, c) })).sort((a, b) => a.text.localeCompare(b.text, t.locale));
  return html`<form action="${STATUS_PATH}" method="get" class="status-filters" id="status-filters" aria-labelledby="status-filters-title">
<h2 id="status-filters-title">${t('status.filters')}</h2>
<div class="status-filter-fields">
${select('filter-country', 'country', t('status.col.country'), t('status.allCountries'), countries, q.country)}
${select('filter-tier', 'tier', t('status.col.tier'), t('status.allTiers'), TIERS.map((tier) => ({ value: tier, text: tierName(t, tier) })), q.tier)}
${select('filter-status', 'status', t('status.col.state'), t('status.allStates'), SHOWN_STATES.map((s) => ({ value: s, text: stateText(t, s) })), q.state)}
</div>
${q.sort !== 'name' ? html`<input type="hidden" name="sort" value="${q.sort}">` : ''}${q.direction !== 'asc' ? html`<input type="hidden" name="dir" value="${q.direction}">` : ''}
<button type="submit">${t('status.filter')}</button>
</form>`;
}

/** `title`: the whole name of a column whose header is short (e.g. "Uptime over 7 days" for "7 d"). */
function sortHead(t: Translator, q: OverviewQuery, key: SortKey, label: string, title?: string): ColumnHead {
  const active = q.sort === key;
  const next = active && q.direction === 'asc' ? 'desc' : 'asc';
  const href = `${STATUS_PATH}${overviewSearch(q, { sort: key, direction: next, page: 1 })}`;
  const state = active ? (q.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return {
    content: html`<a href="${href}" class="status-sort"${title ? html` title="${title}"` : ''}>${label}<span class="sr-only">${title ? ` (${title})` : ''} (${t(
      next === 'asc' ? 'status.sort.ascending' : 'status.sort.descending',
    )})</span>${active ? html`<span aria-hidden="true"> ${q.direction === 'asc' ? '▲' : '▼'}</span>` : ''}</a>`,
    ...(state && { sort: state }),
  };
}

function scoreCell(t: Translator, r: StatusRow): Html | string {
  return orNoData(t, r.score, (s) => {
    const text = t('status.scoreOf', { score: count(t, s.score) });
    return s.run_id ? html`<a href="${runPath(s.run_id)}">${text}</a>` : text;
  });
}

/** A figure of several words ("at least 142.9", "600 open / 400 closed") may break between them, so that the table fits 1,280 px. */
const wrapping = (text: string): Html => html`<span class="status-wrap">${text}</span>`;

function row(t: Translator, r: StatusRow, now: number): (Html | string)[] {
  const u = r.usage;
  return [
    html`<a href="${statusPath(r.slug)}">${r.name}</a>`,
    tierName(t, r.tier),
    orNoData(t, r.country, (c) => countryName(t, c)),
    stateLabel(t, r),
    orNoData(t, shownSince(r), (ms) => agoElement(t, ms, now)),
    orNoData(t, r.uptime_24h, (v) => percent(t, v)),
    orNoData(t, r.uptime_7d, (v) => percent(t, v)),
    orNoData(t, r.uptime_30d, (v) => percent(t, v)),
    orNoData(t, r.uptime_90d, (v) => percent(t, v)),
    orNoData(t, r.p50_ms, (v) => milliseconds(t, v)),
    orNoData(t, r.p95_ms, (v) => milliseconds(t, v)),
    scoreCell(t, r),
    orNoData(t, u, (x) => wrapping(perDay(t, x.requests_7d, 7, x.capped))),
    orNoData(t, u, (x) => wrapping(perDay(t, x.requests_30d, 30, x.capped))),
    orNoData(t, u, (x) => wrapping(t('status.openClosed', { open: count(t, x.open), closed: count(t, x.closed) }))),
    orNoData(t, u?.newest_at, (ms) => agoElement(t, ms, now)),
  ];
}

function pager(t: Translator, o: Overview, q: OverviewQuery): Html {
  if (o.pages <= 1) return html``;
  const link = (page: number): string => `${STATUS_PATH}${overviewSearch(q, { page })}`;
  return html`<nav class="pager" aria-label="${t('status.pages')}"><ul>
${o.page > 1 ? html`<li><a href="${link(o.page - 1)}" rel="prev">${t('status.previous')}</a></li>` : ''}
<li aria-current="page">${t('status.pageOf', { page: count(t, o.page), pages: count(t, o.pages) })}</li>
${o.page < o.pages ? html`<li><a href="${link(o.page + 1)}" rel="next">${t('status.next')}</a></li>` : ''}
</ul></nav>`;
}

function matchingText(t: Translator, n: number): string {
  if (n === 0) return t('status.noneMatch');
  return t.plural('status.matching', n);
}

export function overviewPage(t: Translator, o: Overview, q: OverviewQuery, now: number): Html {
  const head = (key: SortKey, label: string, title?: string): ColumnHead => sortHead(t, q, key, label, title);
  const uptime = (key: SortKey, label: string): ColumnHead => head(key, label, t('status.col.uptimeOver', { period: label }));
  const table = dataTable({
    id: 'status-endpoints',
    caption: t('status.tableCaption'),
    numericFrom: 5,
    columns: [
      head('name', t('status.col.endpoint')), head('tier', t('status.col.tier')), head('country', t('status.col.country')),
      head('state', t('status.col.state')), head('since', t('status.col.since')),
      uptime('uptime_24h', t('status.col.uptime24h')), uptime('uptime_7d', t('status.col.uptime7d')),
      uptime('uptime_30d', t('status.col.uptime30d')), uptime('uptime_90d', t('status.col.uptime90d')),
      head('p50', t('status.col.p50')), head('p95', t('status.col.p95')), head('score', t('status.col.scoreShort'), t('status.col.score')),
      head('requests_7d', t('status.col.perDay7Short'), t('status.col.perDay7')), head('requests_30d', t('status.col.perDay30Short'), t('status.col.perDay30')),
      t('status.col.openClosed'), head('newest', t('status.col.newest')),
    ],
    groups: [{ label: t('status.col.uptime'), from: 5, span: 4 }],
    rows: o.rows.map((r) => row(t, r, now)),
  });
  const query = overviewSearch({ ...q, page: 1 });
  return html`<div class="status-page">
<h1>${t('status.title')}</h1>
<p class="lead">${t('status.intro')}</p>
${counts(t, o)}
<p class="status-links"><a href="${STATUS_API_PATH}${query}">${t('status.jsonLink')}</a> · <a href="${INCIDENTS_FEED_PATH}">${t('status.feedLink')}</a></p>
${filters(t, o, q)}
<p id="status-matching">${matchingText(t, o.matching)}</p>
${o.matching === 0 ? '' : table}
${pager(t, o, q)}
</div>`;
}
