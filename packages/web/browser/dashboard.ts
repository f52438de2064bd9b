/**
 * The dashboard page, enhanced: the server's page works alone (a GET form,
 * tables behind every chart). Here a change of the filter fetches the view's
 * JSON (src/dashboard/view-json.ts: keep in step) and rewrites the figures,
 * tables, charts and map in place, with history.pushState of the URL the
 * form would make; going back (popstate) shows that URL's filter again. A
 * filter the server refuses is submitted as a form, to show its errors.
 */
import type { Chart as ChartClass } from 'chart.js';
import { chartConfig, readSpec } from './chart-config.js';
import { dashboardMap, type DashboardMap, type Point } from './dashboard-map.js';
import { readTexts, words, type Words } from './dashboard-texts.js';
import { leaflet } from './map-tiles.js';

declare const Chart: typeof ChartClass | undefined;

interface Day {
  day: string;
  opened: number;
  closed: number;
  backlog: number;
  median_close_hours: number | null;
  sla_breaches: number;
}
interface Ranked { name: string; count: number; week_before: number }
interface Bucket { from: number; to: number | null; count: number }
interface View {
  filter: { day: string; from: string; to: string };
  brief: { day: Day; week_before: Day; top_services: Ranked[]; top_areas: Ranked[] };
  volume: { bucket: 'day' | 'week' | 'month'; points: { start: string; opened: number; closed: number }[] };
  close_times: { buckets: Bucket[] };
  backlog: { buckets: Bucket[] };
  areas: { id: string; name: string; count: number }[];
  total: number;
  points: { shown: number; total: number; coordinates: Point[] };
  links: { csv: string; geojson: string; json: string };
}

const FIGURES = ['opened', 'closed', 'backlog', 'median_close_hours', 'sla_breaches'] as const;
/** Points on the map at most (src/dashboard/view-data.ts). */
const MAX_POINTS = 2_000;

const byId = (id: string): HTMLElement | null => document.getElementById(id);

function setText(name: string, text: string): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-text="${name}"]`)) el.textContent = text;
}

/** Rewrites a data table's body: the first cell of each row is its header. */
function setRows(tableId: string, rows: readonly (readonly string[])[], numericFrom = 1): void {
  const body = byId(tableId)?.querySelector('tbody');
  if (!body) return;
  body.replaceChildren(...rows.map((cells) => {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.setAttribute('scope', 'row');
      else if (i >= numericFrom) cell.className = 'status-figure';
      cell.textContent = c;
      tr.append(cell);
    });
    return tr;
  }));
}

class Page {
  private readonly charts = new Map<string, ChartClass>();
  private map: DashboardMap | undefined;
  private sequence = 0;

  constructor(private readonly root: HTMLElement, private readonly form: HTMLFormElement, private readonly w: Words, private readonly locale: string) {}

  start(): void {
    if (typeof Chart !== 'undefined') {
      for (const section of this.root.querySelectorAll<HTMLElement>('[data-chart]')) this.drawChart(section, Chart);
    }
    this.form.addEventListener('change', () => void this.show(this.formQuery(), 'push'));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.show(this.formQuery(), 'push');
    });
    window.addEventListener('popstate', () => {
      this.fillForm(new URLSearchParams(location.search));
      void this.show(location.search.replace(/^\?/, ''), 'none');
    });
    void this.startMap();
  }

  private drawChart(section: HTMLElement, Charts: typeof ChartClass): void {
    const spec = readSpec(section);
    const box = section.querySelector<HTMLElement>('.status-chart-box');
    const canvas = box?.querySelector('canvas');
    if (!spec || !box || !canvas) return;
    box.hidden = false;
    this.charts.set(section.id, new Charts(canvas, chartConfig(spec, this.locale)));
    section.querySelector('details')?.removeAttribute('open');
    section.dataset.drawn = 'true';
  }

  /** The query the form would send. */
  private formQuery(): string {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(this.form)) if (typeof v === 'string') params.append(k, v);
    return params.toString();
  }

  private fillForm(params: URLSearchParams): void {
    for (const el of Array.from(this.form.elements)) {
      if (el instanceof HTMLInputElement && el.type === 'date') el.value = params.get(el.name) ?? '';
      if (el instanceof HTMLSelectElement) {
        const chosen = new Set(params.getAll(el.name));
        for (const o of Array.from(el.options)) o.selected = el.multiple ? chosen.has(o.value) : o.value === (params.get(el.name) ?? el.options[0]?.value);
      }
    }
  }

  private async startMap(): Promise<void> {
    const el = byId('dashboard-map');
    const legendEl = byId('dashboard-legend');
    const lf = leaflet();
    if (!el || !legendEl || !lf) return;
    try {
      const [areas, view] = await Promise.all([
        fetch(el.dataset.areas ?? '').then((r) => r.json() as Promise<GeoJSON.FeatureCollection>),
        this.fetchView(location.search.replace(/^\?/, '')),
      ]);
      this.map = dashboardMap(lf, el, legendEl, areas, this.w);
      if (view) this.showPoints(view.points);
      this.root.dataset.map = 'ready';
    } catch {
      el.hidden = true;
    }
  }

  private async fetchView(query: string): Promise<View | undefined> {
    const res = await fetch(`${this.root.dataset.viewUrl ?? ''}?${query}`, { headers: { accept: 'application/json' } });
    return res.ok ? ((await res.json()) as View) : undefined;
  }

  private async show(query: string, history: 'push' | 'none'): Promise<void> {
    const mine = ++this.sequence;
    const live = byId('dashboard-live');
    const pageUrl = `${this.root.dataset.pagePath ?? location.pathname}?${query}`;
    this.root.setAttribute('aria-busy', 'true');
    if (live) live.textContent = this.w.text('dashboard.updating');
    try {
      const view = await this.fetchView(query);
      if (mine !== this.sequence) return;
      if (!view) {
        // The server explains a refused filter on its page.
        location.assign(pageUrl);
        return;
      }
      if (history === 'push') window.history.pushState({ query }, '', pageUrl);
      this.update(view);
      if (live) live.textContent = this.w.plural('dashboard.updated', view.total);
      this.root.dataset.shown = query;
    } catch {
      if (live && mine === this.sequence) live.textContent = this.w.text('dashboard.failed');
    } finally {
      if (mine === this.sequence) this.root.removeAttribute('aria-busy');
    }
  }

  private update(v: View): void {
    const w = this.w;
    const b = v.brief;
    setText('brief-title', w.text('dashboard.brief', { day: w.day(b.day.day) }));
    setText('figures-caption', w.text('dashboard.brief', { day: w.day(b.day.day) }));
    setText('day-head', w.day(b.day.day));
    setText('brief-text', w.text('dashboard.briefText', { weekBefore: w.day(b.week_before.day) }));
    const figure = (key: (typeof FIGURES)[number], d: Day): string | null => {
      const value = d[key];
      if (value === null) return null;
      return key === 'median_close_hours' ? w.hours(value) : w.number(value);
    };
    for (const key of FIGURES) {
      setFigure(key, figure(key, b.day), w);
      setFigure(`${key}-before`, figure(key, b.week_before), w);
      setFigure(`${key}-change`, w.change(b.day[key], b.week_before[key]), w);
    }
    for (const [id, list] of [['top-services', b.top_services], ['top-areas', b.top_areas]] as const) {
      setRows(`dashboard-${id}`, list.map((r) => [r.name, w.number(r.count), w.number(r.week_before), w.change(r.count, r.week_before)]));
      const empty = byId(`dashboard-${id}-empty`);
      if (empty) empty.hidden = list.length > 0;
    }
    setText('range-title', w.text('dashboard.range', { from: w.day(v.filter.from), to: w.day(v.filter.to) }));
    setText('total', w.text('dashboard.total', { n: w.number(v.total) }));
    for (const [id, href] of [['download-csv', v.links.csv], ['download-geojson', v.links.geojson], ['view-json', v.links.json]] as const) {
      byId(id)?.setAttribute('href', href);
    }
    this.updateCharts(v);
    setRows('dashboard-areas', v.areas.map((a) => [a.name, w.number(a.count)]));
    this.map?.setCounts(new Map(v.areas.map((a) => [a.id, a.count])));
    this.showPoints(v.points);
  }

  private showPoints(points: View['points']): void {
    if (!this.map) return;
    this.map.setPoints(points.coordinates);
    const w = this.w;
    setText('points-note', points.shown >= MAX_POINTS && points.total > points.shown
      ? w.text('dashboard.pointsCapped', { shown: w.number(points.shown), total: w.number(points.total) })
      : w.text('dashboard.pointsAll', { shown: w.number(points.shown) }));
    const note = byId('dashboard-points-note');
    if (note) note.hidden = false;
  }

  private updateCharts(v: View): void {
    const w = this.w;
    const volumeTitle = w.text(`dashboard.chart.volume.${v.volume.bucket}`);
    const title = byId('chart-volume-title');
    if (title) title.textContent = volumeTitle;
    const labels = v.volume.points.map((p) => w.day(p.start));
    this.setChart('chart-volume', labels, [v.volume.points.map((p) => p.opened), v.volume.points.map((p) => p.closed)]);
    setRows('chart-volume-table', v.volume.points.map((p, i) => [labels[i]!, w.number(p.opened), w.number(p.closed)]));
    for (const [id, unit, buckets] of [['chart-close-times', 'hours', v.close_times.buckets], ['chart-backlog', 'days', v.backlog.buckets]] as const) {
      const names = buckets.map((b) => w.bucket(unit, b.from, b.to));
      this.setChart(id, names, [buckets.map((b) => b.count)]);
      setRows(`${id}-table`, buckets.map((b, i) => [names[i]!, w.number(b.count)]));
    }
  }

  private setChart(id: string, labels: string[], series: number[][]): void {
    const chart = this.charts.get(id);
    if (!chart) return;
    chart.data.labels = labels;
    series.forEach((data, i) => {
      const dataset = chart.data.datasets[i];
      if (dataset) dataset.data = data;
    });
    chart.update();
  }
}

/** A figure's cell; null: a dash that screen readers read as "no data" (as src/status/figure-format.ts writes it). */
function setFigure(name: string, text: string | null, w: Words): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-fig="${name}"]`)) {
    if (text !== null) {
      el.textContent = text;
      continue;
    }
    const dash = document.createElement('span');
    dash.setAttribute('aria-hidden', 'true');
    dash.textContent = '—';
    const words = document.createElement('span');
    words.className = 'sr-only';
    words.textContent = w.text('status.noData');
    el.replaceChildren(dash, words);
  }
}

function start(): void {
  const root = byId('dashboard');
  const form = byId('dashboard-filter');
  if (!root || !(form instanceof HTMLFormElement) || !byId('dashboard-texts')) return;
  const locale = document.documentElement.lang || 'en';
  window.history.replaceState({ query: location.search.replace(/^\?/, '') }, '');
  new Page(root, form, words(readTexts(), locale), locale).start();
  root.dataset.enhanced = 'true';
}

start();
