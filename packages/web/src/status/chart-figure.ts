/**
 * A chart with its data table: the table is what a reader without JavaScript
 * gets (open); browser/status-charts.ts draws the chart from the JSON beside
 * it and folds the table away, still one click from view.
 */
import { html, jsonData, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { ChartSpec } from './chart-spec.js';
import { dataTable, type DataTable } from './data-table.js';

export interface ChartFigure {
  id: string;
  title: string;
  /** What the chart shows, in a sentence (also the canvas' accessible name with the title). */
  description: string;
  spec: ChartSpec;
  table: Omit<DataTable, 'id' | 'caption'>;
}

export function chartFigure(t: Translator, f: ChartFigure): Html {
  const empty = f.table.rows.length === 0;
  return html`<section class="status-chart" id="${f.id}" aria-labelledby="${f.id}-title"${empty ? '' : html` data-chart="${f.id}-data"`}>
<h3 id="${f.id}-title">${f.title}</h3>
<p class="hint" id="${f.id}-description">${f.description}</p>
${empty
    ? html`<p class="status-empty">${t('status.chart.empty')}</p>`
    : html`<div class="status-chart-box" hidden><canvas id="${f.id}-canvas" role="img" aria-label="${f.title}" aria-describedby="${f.id}-description"></canvas></div>
<script type="application/json" id="${f.id}-data">${jsonData(f.spec)}</script>
<details class="status-chart-data" open><summary>${t('status.chart.table', { title: f.title })}</summary>
${dataTable({ id: `${f.id}-table`, caption: f.title, ...f.table })}
</details>`}
</section>`;
}
