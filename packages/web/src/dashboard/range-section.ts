/**
 * The range's part of the page: how many requests were opened in it, the
 * downloads of exactly this filter, and the three charts (volume over time,
 * time to close, backlog by age), each with its data table.
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { chartFigure } from '../status/chart-figure.js';
import { bucketText, dayText } from './dashboard-format.js';
import type { ViewJson, ViewLinks } from './view-json.js';

type Buckets = ViewJson['close_times']['buckets'];

export const CHART_IDS = { volume: 'chart-volume', closeTimes: 'chart-close-times', backlog: 'chart-backlog' } as const;

function volumeChart(t: Translator, v: ViewJson['volume']): Html {
  const title = t(`dashboard.chart.volume.${v.bucket}`);
  const opened = t('dashboard.col.opened');
  const closed = t('dashboard.col.closed');
  return chartFigure(t, {
    id: CHART_IDS.volume,
    title,
    description: t('dashboard.chart.volumeText'),
    spec: {
      kind: 'line',
      unit: 'count',
      axis: t('dashboard.chart.volumeAxis'),
      labels: v.points.map((p) => dayText(t, p.start)),
      series: [{ label: opened, data: v.points.map((p) => p.opened) }, { label: closed, data: v.points.map((p) => p.closed) }],
    },
    table: {
      numericFrom: 1,
      columns: [t('dashboard.col.period'), opened, closed],
      rows: v.points.map((p) => [dayText(t, p.start), t.number(p.opened), t.number(p.closed)]),
    },
  });
}

function histogram(t: Translator, id: string, name: 'closeTimes' | 'backlog', unit: 'hours' | 'days', column: string, buckets: Buckets): Html {
  const labels = buckets.map((b) => bucketText(t, unit, b.from, b.to));
  const requests = t('dashboard.col.requests');
  return chartFigure(t, {
    id,
    title: t(`dashboard.chart.${name}`),
    description: t(`dashboard.chart.${name}Text`),
    spec: { kind: 'bar', unit: 'count', axis: requests, labels, series: [{ label: requests, data: buckets.map((b) => b.count) }] },
    table: { numericFrom: 1, columns: [column, requests], rows: buckets.map((b, i) => [labels[i]!, t.number(b.count)]) },
  });
}

function downloads(t: Translator, links: ViewLinks): Html {
  return html`<p class="dashboard-downloads">${t('dashboard.downloads')}
<a href="${links.csv}" id="download-csv" download>${t('dashboard.downloadCsv')}</a> ·
<a href="${links.geojson}" id="download-geojson" download>${t('dashboard.downloadGeojson')}</a> ·
<a href="${links.json}" id="view-json">${t('dashboard.jsonLink')}</a></p>`;
}

export function rangeSection(t: Translator, v: ViewJson): Html {
  const f = v.filter;
  return html`<section class="dashboard-range" aria-labelledby="dashboard-range-title">
<h2 id="dashboard-range-title" data-text="range-title">${t('dashboard.range', { from: dayText(t, f.from), to: dayText(t, f.to) })}</h2>
<p class="dashboard-total" data-text="total">${t('dashboard.total', { n: t.number(v.total) })}</p>
${downloads(t, v.links)}
${volumeChart(t, v.volume)}
${histogram(t, CHART_IDS.closeTimes, 'closeTimes', 'hours', t('dashboard.col.took'), v.close_times.buckets)}
${histogram(t, CHART_IDS.backlog, 'backlog', 'days', t('dashboard.col.age'), v.backlog.buckets)}
</section>`;
}
