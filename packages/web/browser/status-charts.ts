/**
 * The status page's charts: each `[data-chart]` section holds its figures as
 * JSON (written by src/status/chart-figure.ts with the ChartSpec of
 * src/status/chart-spec.ts: keep in step) and a table, open for readers
 * without JavaScript. Here Chart.js (its UMD build, a global loaded before
 * this module) draws the chart and the table folds away, one click from view.
 */
import type { Chart as ChartClass } from 'chart.js';
import { chartConfig, readSpec } from './chart-config.js';

declare const Chart: typeof ChartClass | undefined;

function draw(section: HTMLElement, Charts: typeof ChartClass, locale: string): void {
  const spec = readSpec(section);
  const box = section.querySelector<HTMLElement>('.status-chart-box');
  const canvas = box?.querySelector('canvas');
  if (!spec || !box || !canvas) return;
  box.hidden = false;
  new Charts(canvas, chartConfig(spec, locale));
  section.querySelector('details')?.removeAttribute('open');
  section.dataset.drawn = 'true';
}

function start(): void {
  if (typeof Chart === 'undefined') return;
  const locale = document.documentElement.lang || 'en';
  for (const section of document.querySelectorAll<HTMLElement>('[data-chart]')) draw(section, Chart, locale);
}

start();
