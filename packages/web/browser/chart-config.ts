/**
 * How a chart of ours is drawn with Chart.js, from the ChartSpec a page
 * writes (src/status/chart-spec.ts: keep in step): shared by the status
 * pages (status-charts.ts) and the dashboard (dashboard.ts).
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';

export type ChartUnit = 'ratio' | 'ms' | 'count' | 'score';

export interface ChartSpec {
  kind: 'line' | 'bar';
  labels: string[];
  series: { label: string; data: (number | null)[] }[];
  unit: ChartUnit;
  axis: string;
}

/** Colours told apart by more than hue: the second series is dashed too. */
const COLOURS = ['#0b5cad', '#b3261e'];

function valueText(unit: ChartUnit, locale: string): (v: number) => string {
  switch (unit) {
    case 'ratio': {
      const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      return (v) => f.format(v);
    }
    case 'ms': {
      const f = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
      return (v) => f.format(v);
    }
    default: {
      const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      return (v) => f.format(v);
    }
  }
}

export function chartConfig(spec: ChartSpec, locale: string): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const format = valueText(spec.unit, locale);
  const datasets: ChartDataset<'line' | 'bar', (number | null)[]>[] = spec.series.map((s, i) => ({
    label: s.label,
    data: s.data,
    borderColor: COLOURS[i % COLOURS.length],
    backgroundColor: COLOURS[i % COLOURS.length],
    borderWidth: 2,
    // Dots even on long series: an hour or a day between two gaps is a figure too.
    pointRadius: spec.labels.length > 40 ? 2 : 3,
    ...(i > 0 && { borderDash: [6, 4] }),
  }));
  return {
    type: spec.kind,
    data: { labels: spec.labels, datasets },
    options: {
      locale,
      animation: false,
      maintainAspectRatio: false,
      spanGaps: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${c.parsed.y === null ? '—' : format(c.parsed.y)}` } },
      },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
        y: {
          beginAtZero: true,
          ...(spec.unit === 'ratio' && { max: 1 }),
          ...(spec.unit === 'score' && { max: 100 }),
          title: { display: true, text: spec.axis },
          ticks: { callback: (v) => (typeof v === 'number' ? format(v) : v) },
        },
      },
    },
  };
}

/** The spec a `[data-chart]` section names (a JSON script beside it). */
export function readSpec(section: HTMLElement): ChartSpec | undefined {
  const text = document.getElementById(section.dataset.chart ?? '')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ChartSpec;
  } catch {
    return undefined;
  }
}
