/**
 * `/open-data`: what is published and how to get it. For each jurisdiction
 * (the primary one first, never a sandbox): the whole-data files, the Atom
 * feed of updates and the monthly GeoReport files in a table; then the
 * columns and the filters every file takes.
 */
import { EXPORT_FIELDS } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { updatesFeedPath } from './paths.js';

export interface PublishedJurisdiction {
  j: Jurisdiction;
  /** `/open-data` or `/open-data/{id}`. */
  base: string;
  months: readonly { month: string; requests: number }[];
}

const FILES = [
  { file: 'requests.csv', key: 'openData.file.csv' },
  { file: 'requests.geojson', key: 'openData.file.geojson' },
  { file: 'requests.ndjson', key: 'openData.file.ndjson' },
] as const;

function monthsTable(t: Translator, p: PublishedJurisdiction, headingId: string): Html {
  if (p.months.length === 0) return html`<p>${t('openData.noRequests')}</p>`;
  return html`<div class="table-scroll"><table class="open-data-months" aria-labelledby="${headingId}">
<thead><tr><th scope="col">${t('openData.col.month')}</th><th scope="col" class="num">${t('openData.col.requests')}</th><th scope="col">${t('openData.col.files')}</th></tr></thead>
<tbody>
${p.months.map((m) => html`<tr><th scope="row">${m.month}</th><td class="num">${t.number(m.requests)}</td><td><a href="${p.base}/georeport/${m.month}.json" download>JSON<span class="sr-only"> ${m.month}</span></a> · <a href="${p.base}/georeport/${m.month}.xml" download>XML<span class="sr-only"> ${m.month}</span></a></td></tr>`)}
</tbody></table></div>`;
}

function jurisdictionSection(t: Translator, p: PublishedJurisdiction, n: number): Html {
  const id = `open-data-${n}`;
  const total = p.months.reduce((sum, m) => sum + m.requests, 0);
  return html`<section class="open-data-jurisdiction" aria-labelledby="${id}">
<h2 id="${id}">${p.j.name}</h2>
<p>${t.plural('openData.total', total, { id: p.j.id })}</p>
<ul class="open-data-files">
${FILES.map((f) => html`<li><a href="${p.base}/${f.file}" download>${t(f.key)}</a> <code>${p.base}/${f.file}</code></li>`)}
<li><a href="${updatesFeedPath(p.base)}">${t('openData.file.atom')}</a> <code>${updatesFeedPath(p.base)}</code></li>
<li><a href="${p.base}/georeport.json">${t('openData.file.index')}</a> <code>${p.base}/georeport.json</code></li>
</ul>
<h3 id="${id}-months">${t('openData.months')}</h3>
<p>${t('openData.monthsIntro', { timezone: p.j.timezone })}</p>
${monthsTable(t, p, `${id}-months`)}
</section>`;
}

export function openDataPage(t: Translator, published: readonly PublishedJurisdiction[]): Html {
  const example = published[0] ? `${published[0].base}/requests.csv?service_code=…&status=open&start_date=2026-01-01&end_date=2026-01-31` : '';
  return html`<h1>${t('openData.title')}</h1>
<p>${t('openData.intro')}</p>
<p>${t('openData.privacy')}</p>
${published.length === 0 ? html`<p>${t('openData.nothing')}</p>` : published.map((p, n) => jurisdictionSection(t, p, n))}
<section aria-labelledby="open-data-filters">
<h2 id="open-data-filters">${t('openData.filters')}</h2>
<p>${t('openData.filtersIntro')}</p>
<dl class="open-data-params">
<dt><code>service_code</code></dt><dd>${t('openData.param.service')}</dd>
<dt><code>status</code></dt><dd>${t('openData.param.status')}</dd>
<dt><code>start_date</code>, <code>end_date</code></dt><dd>${t('openData.param.dates')}</dd>
<dt><code>updated_after</code>, <code>updated_before</code></dt><dd>${t('openData.param.updated')}</dd>
</dl>
${example ? html`<p>${t('openData.example')} <code>${example}</code></p>` : ''}
<p>${t('openData.cli')} <code>o311 export --format csv --status open --from 2026-01-01</code></p>
</section>
<section aria-labelledby="open-data-columns">
<h2 id="open-data-columns">${t('openData.columns')}</h2>
<p>${t('openData.columnsIntro')}</p>
<ul class="open-data-column-list">${EXPORT_FIELDS.map((c) => html`<li><code>${c}</code></li>`)}</ul>
</section>`;
}
