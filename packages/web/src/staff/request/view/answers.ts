/** The description and the answers to the service's questions, labelled with the questions. */
import type { Attribute } from '@o311/georeport';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { RequestPageData } from '../load.js';

function answer(a: Attribute | undefined, value: string | string[]): string {
  const keys = Array.isArray(value) ? value : [value];
  return keys.map((k) => a?.values?.find((v) => v.key === k)?.name ?? k).join(', ');
}

export function answers(t: Translator, data: RequestPageData): Html {
  const r = data.request;
  const entries = Object.entries(r.attributes);
  const list = entries.length === 0
    ? ''
    : html`<h3>${t('inbox.req.answers')}</h3><dl class="request-answers">${entries.map(([code, value]) => {
        const a = data.questions.find((x) => x.code === code);
        return html`<div><dt>${a?.description ?? code}</dt><dd>${answer(a, value)}</dd></div>`;
      })}</dl>`;
  return html`<section class="request-section" aria-labelledby="request-description-title">
<h2 id="request-description-title">${t('inbox.req.description')}</h2>
<p class="request-description">${r.description ?? t('inbox.req.none')}</p>
${list}
</section>`;
}
