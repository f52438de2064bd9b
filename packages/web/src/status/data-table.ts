/**
 * A table of figures in a region that scrolls sideways on its own (the page
 * never does), and can be scrolled by keyboard: the status pages' tables,
 * and the data behind every chart.
 */
import { html, type Html, type HtmlValue } from '../html.js';

/** A column's header: its text, or a whole `<th>` (a sorting link with its aria-sort). */
export type ColumnHead = string | { th: Html };

export interface DataTable {
  id: string;
  caption: string;
  /** Column headers; the first column of each row is its header. */
  columns: readonly ColumnHead[];
  rows: readonly (readonly HtmlValue[])[];
  /** Columns from this index on hold figures: right-aligned, unbroken. */
  numericFrom?: number;
}

export function dataTable(table: DataTable): Html {
  return html`<div class="table-scroll status-table-wrap" role="region" aria-labelledby="${table.id}-caption" tabindex="0">
<table class="status-table" id="${table.id}">
<caption id="${table.id}-caption">${table.caption}</caption>
<thead><tr>${table.columns.map((c) => (typeof c === 'string' ? html`<th scope="col">${c}</th>` : c.th))}</tr></thead>
<tbody>${table.rows.map(([head, ...cells]) => html`<tr><th scope="row">${head}</th>${cells.map((c, i) => (i + 1 >= (table.numericFrom ?? Infinity) ? html`<td class="status-figure">${c}</td>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
</table></div>`;
}
