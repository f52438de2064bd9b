/** Previous / next links between inbox pages. */
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { queryHref, type InboxQuery } from './query.js';

export function pager(t: Translator, q: InboxQuery, pages: number): Html {
  if (pages <= 1) return html``;
  const link = (page: number, rel: 'prev' | 'next', label: string): Html =>
    html`<a href="${queryHref('/staff', q, { page })}" rel="${rel}">${label}</a>`;
  return html`<nav class="inbox-pager" aria-label="${t('inbox.pager.label')}"><ul>
<li>${q.page > 1 ? link(q.page - 1, 'prev', t('inbox.pager.previous')) : ''}</li>
<li aria-current="page">${t('inbox.pager.position', { page: q.page, pages })}</li>
<li>${q.page < pages ? link(q.page + 1, 'next', t('inbox.pager.next')) : ''}</li>
</ul></nav>`;
}
