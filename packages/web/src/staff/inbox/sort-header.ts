/** A column header that sorts the inbox: a link to the same query sorted by it, with aria-sort when active. */
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { queryHref, type InboxQuery, type SortKey } from './query.js';

export function sortHeader(t: Translator, q: InboxQuery, key: SortKey, label: string): Html {
  const active = q.sort === key;
  const next = active && q.direction === 'desc' ? 'asc' : 'desc';
  const href = queryHref('/staff', q, { sort: key, direction: next, page: 1 });
  const state = active ? (q.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const hint = t(next === 'asc' ? 'inbox.sort.ascending' : 'inbox.sort.descending');
  return html`<th scope="col"${state ? html` aria-sort="${state}"` : ''}><a href="${href}" class="inbox-sort">${label}<span class="sr-only"> (${hint})</span>${
    active ? html`<span class="inbox-sort-mark" aria-hidden="true">${q.direction === 'asc' ? '▲' : '▼'}</span>` : ''
  }</a></th>`;
}
