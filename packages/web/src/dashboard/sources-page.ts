/** `/dashboard/sources`: every enabled source's dashboard, ours first, then the harvested endpoints. */
import type { DashboardSource } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { sourcePath } from './paths.js';

function list(t: Translator, id: string, title: string, sources: readonly DashboardSource[], primaryId: string | undefined): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>
${sources.length === 0
    ? html`<p class="status-empty">${t('dashboard.sources.none')}</p>`
    : html`<ul class="dashboard-sources">${sources.map((s) => html`<li><a href="${sourcePath(s, primaryId)}">${s.name}</a> (${t.plural('dashboard.sources.requests', s.requests)})</li>`)}</ul>`}
</section>`;
}

export function sourcesPage(t: Translator, sources: readonly DashboardSource[], primaryId: string | undefined): Html {
  const shown = sources.filter((s) => s.enabled).sort((a, b) => a.name.localeCompare(b.name, t.locale));
  return html`<div class="status-page">
<h1>${t('dashboard.sources.title')}</h1>
<p class="lead">${t('dashboard.sources.intro')}</p>
${list(t, 'sources-local', t('dashboard.sources.local'), shown.filter((s) => s.kind === 'local'), primaryId)}
${list(t, 'sources-endpoint', t('dashboard.sources.endpoint'), shown.filter((s) => s.kind === 'endpoint'), primaryId)}
</div>`;
}
