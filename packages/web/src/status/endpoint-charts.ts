/**
 * The endpoint page's four charts, each with its data table: latency per hour
 * (p50 and p95, 7 days), uptime per day (90 days), requests per day (from the
 * usage samples) and the conformance score over time.
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { chartFigure, type ChartFigure } from './chart-figure.js';
import type { EndpointFigures } from './endpoint-figures.js';
import { count, dateTimeUtc, dayUtc, hourUtc, milliseconds, orNoData, percent, perDay, shortDayUtc, timeElement } from './figure-format.js';
import { runPath } from '../validate/paths.js';

const rounded = (v: number | null): number | null => (v === null ? null : Math.round(v));

type ChartName = 'latency' | 'uptime' | 'requests' | 'score';

/** A chart's id and texts, from its name: the title is `status.chart.<name>`, the description `status.chart.<name>Text`. */
const named = (t: Translator, name: ChartName): Pick<ChartFigure, 'id' | 'title' | 'description'> => ({
  id: `chart-${name}`,
  title: t(`status.chart.${name}`),
  description: t(`status.chart.${name}Text`),
});

function latencyChart(t: Translator, f: EndpointFigures): Html {
  const hours = f.hours;
  return chartFigure(t, {
    ...named(t, 'latency'),
    spec: {
      kind: 'line',
      unit: 'ms',
      axis: t('status.chart.latencyAxis'),
      labels: hours.map((h) => hourUtc(t, h.hour)),
      series: [
        { label: t('status.col.p50'), data: hours.map((h) => rounded(h.p50_ms)) },
        { label: t('status.col.p95'), data: hours.map((h) => rounded(h.p95_ms)) },
      ],
    },
    table: {
      numericFrom: 1,
      columns: [t('status.col.hour'), t('status.col.polls'), t('status.col.ups'), t('status.col.p50'), t('status.col.p95')],
      rows: hours.filter((h) => h.polls > 0).map((h) => [
        timeElement(hourUtc(t, h.hour), h.hour), count(t, h.polls), count(t, h.ups),
        orNoData(t, h.p50_ms, (v) => milliseconds(t, v)), orNoData(t, h.p95_ms, (v) => milliseconds(t, v)),
      ]),
    },
  });
}

function uptimeChart(t: Translator, f: EndpointFigures): Html {
  return chartFigure(t, {
    ...named(t, 'uptime'),
    spec: {
      kind: 'bar',
      unit: 'ratio',
      axis: t('status.chart.uptimeAxis'),
      labels: f.days.map((d) => shortDayUtc(t, d.day)),
      series: [{ label: t('status.chart.uptimeAxis'), data: f.days.map((d) => d.uptime) }],
    },
    table: {
      numericFrom: 1,
      columns: [t('status.col.day'), t('status.col.polls'), t('status.col.ups'), t('status.col.uptime')],
      rows: f.days.filter((d) => d.polls > 0).map((d) => [
        timeElement(dayUtc(t, d.day), d.day), count(t, d.polls), count(t, d.ups), orNoData(t, d.uptime, (v) => percent(t, v)),
      ]),
    },
  });
}

function requestsChart(t: Translator, f: EndpointFigures): Html {
  return chartFigure(t, {
    ...named(t, 'requests'),
    spec: {
      kind: 'line',
      unit: 'count',
      axis: t('status.chart.requestsAxis'),
      labels: f.usage.map((u) => shortDayUtc(t, u.at)),
      series: [
        { label: t('status.col.perDay7'), data: f.usage.map((u) => u.requests_7d / 7) },
        { label: t('status.col.perDay30'), data: f.usage.map((u) => u.requests_30d / 30) },
      ],
    },
    table: {
      numericFrom: 1,
      columns: [t('status.col.sampled'), t('status.col.requests7d'), t('status.col.perDay7'), t('status.col.requests30d'), t('status.col.perDay30')],
      rows: f.usage.map((u) => [
        timeElement(dateTimeUtc(t, u.at), u.at),
        u.capped ? t('status.atLeast', { n: count(t, u.requests_7d) }) : count(t, u.requests_7d), perDay(t, u.requests_7d, 7, u.capped),
        u.capped ? t('status.atLeast', { n: count(t, u.requests_30d) }) : count(t, u.requests_30d), perDay(t, u.requests_30d, 30, u.capped),
      ]),
    },
  });
}

function scoreChart(t: Translator, f: EndpointFigures): Html {
  return chartFigure(t, {
    ...named(t, 'score'),
    spec: {
      kind: 'line',
      unit: 'score',
      axis: t('status.col.score'),
      labels: f.scores.map((s) => shortDayUtc(t, s.at)),
      series: [{ label: t('status.col.score'), data: f.scores.map((s) => s.score) }],
    },
    table: {
      numericFrom: 1,
      columns: [t('status.col.checked'), t('status.col.score'), t('status.col.errors'), t('status.col.warnings'), t('status.col.run')],
      rows: f.scores.map((s) => [
        timeElement(dateTimeUtc(t, s.at), s.at), t('status.scoreOf', { score: count(t, s.score) }), count(t, s.errors), count(t, s.warnings),
        orNoData(t, s.run_id, (id) => html`<a href="${runPath(id)}">${t('status.runLink')}<span class="sr-only"> (${dayUtc(t, s.at)})</span></a>`),
      ]),
    },
  });
}

export function endpointCharts(t: Translator, f: EndpointFigures): Html {
  return html`<section aria-labelledby="charts-title"><h2 id="charts-title">${t('status.charts')}</h2>
${latencyChart(t, f)}
${uptimeChart(t, f)}
${requestsChart(t, f)}
${scoreChart(t, f)}
</section>`;
}
