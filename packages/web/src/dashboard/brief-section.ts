/**
 * The brief of one day: opened, closed, still open, median time to close
 * and SLA breaches beside the same day a week before, with the change; then
 * the services and areas most reported that day. Cells carry `data-fig` /
 * `data-rows` names by which browser/dashboard.ts rewrites them.
 */
import type { DayFigures } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { dataTable } from '../status/data-table.js';
import { noData } from '../status/figure-format.js';
import { changeText, dayText, hoursText } from './dashboard-format.js';
import { addDays } from '@o311/store';
import type { briefJson } from './view-json.js';

/** The brief's figures, in the order shown; the key is DayFigures' field. */
export const BRIEF_FIGURES = [
  ['opened', 'dashboard.fig.opened'],
  ['closed', 'dashboard.fig.closed'],
  ['backlog', 'dashboard.fig.backlog'],
  ['median_close_hours', 'dashboard.fig.median'],
  ['sla_breaches', 'dashboard.fig.sla'],
] as const;

export type BriefFigure = (typeof BRIEF_FIGURES)[number][0];

export function figureText(t: Translator, key: BriefFigure, v: DayFigures): Html | string {
  const value = v[key];
  if (value === null) return noData(t);
  return key === 'median_close_hours' ? hoursText(t, value) : t.number(value);
}

type Brief = ReturnType<typeof briefJson>;

function rankedTable(t: Translator, id: 'top-services' | 'top-areas', caption: string, column: string, rows: Brief['top_services']): Html {
  return html`<div class="dashboard-ranked">
${dataTable({
    id: `dashboard-${id}`,
    caption,
    numericFrom: 1,
    columns: [column, t('dashboard.col.opened'), t('dashboard.col.weekBefore'), t('dashboard.col.change')],
    rows: rows.map((r) => [r.name, t.number(r.count), t.number(r.week_before), changeText(t, r.count, r.week_before)]),
  })}
<p class="status-empty" id="dashboard-${id}-empty"${rows.length > 0 ? html` hidden` : ''}>${t('dashboard.noneThatDay')}</p>
</div>`;
}

export function briefSection(t: Translator, b: Brief): Html {
  const day = b.day.day;
  const weekBefore = addDays(day, -7);
  return html`<section class="dashboard-brief" aria-labelledby="dashboard-brief-title">
<h2 id="dashboard-brief-title" data-text="brief-title">${t('dashboard.brief', { day: dayText(t, day) })}</h2>
<p class="hint" data-text="brief-text">${t('dashboard.briefText', { weekBefore: dayText(t, weekBefore) })}</p>
<div class="table-scroll status-table-wrap" role="region" aria-labelledby="dashboard-figures-caption" tabindex="0">
<table class="status-table dashboard-figures" id="dashboard-figures">
<caption id="dashboard-figures-caption" data-text="figures-caption">${t('dashboard.brief', { day: dayText(t, day) })}</caption>
<thead><tr><th scope="col">${t('dashboard.col.figure')}</th><th scope="col" data-text="day-head">${dayText(t, day)}</th><th scope="col">${t('dashboard.col.weekBefore')}</th><th scope="col">${t('dashboard.col.change')}</th></tr></thead>
<tbody>${BRIEF_FIGURES.map(([key, label]) => html`<tr><th scope="row">${t(label)}</th><td class="status-figure" data-fig="${key}">${figureText(t, key, b.day)}</td><td class="status-figure" data-fig="${key}-before">${figureText(t, key, b.week_before)}</td><td class="dashboard-change" data-fig="${key}-change">${changeText(t, b.day[key], b.week_before[key])}</td></tr>`)}</tbody>
</table></div>
<div class="dashboard-tops">
${rankedTable(t, 'top-services', t('dashboard.topServices'), t('dashboard.col.service'), b.top_services)}
${rankedTable(t, 'top-areas', t('dashboard.topAreas'), t('dashboard.col.area'), b.top_areas)}
</div>
</section>`;
}
