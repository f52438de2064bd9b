/**
 * A table of figures in a region that scrolls sideways on its own (the page
 * never does), and can be scrolled by keyboard: the status pages' tables,
 * and the data behind every chart. Columns may be grouped under a header of
 * their own (a second header row: "Uptime" over "24 h", "7 d"…).
 */
import { html, type Html, type HtmlValue } from '../html.js';

export type SortState = 'ascending' | 'descending';

/** A column's header: its text, or its content (a sorting link) with the column's sort state. */
export type ColumnHead = string | { content: Html; sort?: SortState };

/** Columns `from` to `from + span - 1` under one header. */
export interface ColumnGroup {
  label: string;
  from: number;
  span: number;
}

export interface DataTable {
  id: string;
  caption: string;
  /** Column headers; the first column of each row is its header. */
  columns: readonly ColumnHead[];
  /** Groups of columns, in order, not overlapping. */
  groups?: readonly ColumnGroup[];
  rows: readonly (readonly HtmlValue[])[];
  /** Columns from this index on hold figures: right-aligned, unbroken. */
  numericFrom?: number;
}

function th(c: ColumnHead, rowspan: number): Html {
  const span = rowspan > 1 ? html` rowspan="${rowspan}"` : '';
  if (typeof c === 'string') return html`<th scope="col"${span}>${c}</th>`;
  return html`<th scope="col"${c.sort ? html` aria-sort="${c.sort}"` : ''}${span}>${c.content}</th>`;
}

function head(table: DataTable): Html {
  const groups = table.groups ?? [];
  if (groups.length === 0) return html`<tr>${table.columns.map((c) => th(c, 1))}</tr>`;
  const top: Html[] = [];
  const below: Html[] = [];
  for (let i = 0; i < table.columns.length; i++) {
    const group = groups.find((g) => g.from === i);
    if (group === undefined) {
      top.push(th(table.columns[i]!, 2));
      continue;
    }
    top.push(html`<th scope="colgroup" colspan="${group.span}" class="status-group">${group.label}</th>`);
    for (const c of table.columns.slice(i, i + group.span)) below.push(th(c, 1));
    i += group.span - 1;
  }
  return html`<tr>${top}</tr><tr>${below}</tr>`;
}

/** `<colgroup>`s matching the groups, so that screen readers tie a group's header to its columns. */
function colgroups(table: DataTable): Html | string {
  const groups = table.groups ?? [];
  if (groups.length === 0) return '';
  const parts: Html[] = [];
  for (let i = 0; i < table.columns.length; i++) {
    const group = groups.find((g) => g.from === i);
    parts.push(group === undefined ? html`<colgroup></colgroup>` : html`<colgroup span="${group.span}"></colgroup>`);
    if (group !== undefined) i += group.span - 1;
  }
  return html`${parts}`;
}

export function dataTable(table: DataTable): Html {
  return html`<div class="table-scroll status-table-wrap" role="region" aria-labelledby="${table.id}-caption" tabindex="0">
<table class="status-table" id="${table.id}">
<caption id="${table.id}-caption">${table.caption}</caption>
${colgroups(table)}<thead>${head(table)}</thead>
<tbody>${table.rows.map(([rowHead, ...cells]) => html`<tr><th scope="row">${rowHead}</th>${cells.map((c, i) => (i + 1 >= (table.numericFrom ?? Infinity) ? html`<td class="status-figure">${c}</td>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
</table></div>`;
}
