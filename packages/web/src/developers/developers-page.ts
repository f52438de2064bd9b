/**
 * `/developers`: what the API offers and where (endpoint, jurisdiction id,
 * formats, extensions, discovery, the interactive docs, the validator), the
 * sandbox and its public key, code samples, and the form to ask for a key.
 * Nothing personal is shown: the page is the same for everyone.
 */
import { SANDBOX_BASE } from '@o311/server';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { OPEN_DATA_PATH } from '../open-data/paths.js';
import { VALIDATE_PATH } from '../validate/paths.js';
import { curlExamples, sdkExample, type ExampleTarget } from './examples.js';
import { keyRequestForm, type KeyFormState } from './key-request-form.js';
import { KEY_FORM_ANCHOR } from './paths.js';

export interface DevelopersView {
  example: ExampleTarget;
  form: KeyFormState;
}

const link = (href: string, text = href): Html => html`<a href="${href}">${text}</a>`;

function apiSection(t: Translator, x: ExampleTarget): Html {
  const api = `${x.base}/open311/v2/`;
  const resources = ['services.xml', 'services.json', 'requests.xml', 'requests.json'];
  return html`<section aria-labelledby="dev-api">
<h2 id="dev-api">${t('developers.api.title')}</h2>
<dl class="dev-facts">
<dt>${t('developers.api.endpoint')}</dt><dd><code>${api}</code></dd>
<dt>${t('developers.api.jurisdiction')}</dt><dd><code>${x.jurisdictionId}</code></dd>
<dt>${t('developers.api.resources')}</dt><dd>${resources.map((r, i) => html`${i > 0 ? ' · ' : ''}${link(`/open311/v2/${r}?jurisdiction_id=${encodeURIComponent(x.jurisdictionId)}`, r)}`)}</dd>
<dt>${t('developers.api.discovery')}</dt><dd>${link('/open311/discovery.xml', 'discovery.xml')} · ${link('/open311/discovery.json', 'discovery.json')}</dd>
</dl>
<p>${t('developers.api.formats')}</p>
<p>${t('developers.api.extensions')}</p>
<ul>
<li>${t('developers.api.docs')} ${link('/docs')}</li>
<li>${t('developers.api.validator')} ${link(VALIDATE_PATH)}</li>
<li>${t('developers.api.openData')} ${link(OPEN_DATA_PATH)}</li>
</ul>
</section>`;
}

function sandboxSection(t: Translator, x: ExampleTarget): Html {
  const body = x.sandboxKey === undefined
    ? html`<p>${t('developers.sandbox.none')}</p>`
    : html`<p>${t('developers.sandbox.text')}</p>
<dl class="dev-facts">
<dt>${t('developers.sandbox.endpoint')}</dt><dd><code>${x.base}${SANDBOX_BASE}/</code></dd>
<dt>${t('developers.sandbox.key')}</dt><dd><code id="sandbox-key">${x.sandboxKey}</code></dd>
</dl>`;
  return html`<section aria-labelledby="dev-sandbox"><h2 id="dev-sandbox">${t('developers.sandbox.title')}</h2>${body}</section>`;
}

export function developersPage(t: Translator, v: DevelopersView): Html {
  const x = v.example;
  return html`<h1>${t('developers.title')}</h1>
<p>${t('developers.intro', { site: t('common.siteName') })}</p>
<nav aria-labelledby="dev-toc"><h2 id="dev-toc" class="dev-toc-title">${t('developers.toc')}</h2><ul>
<li><a href="#dev-api">${t('developers.api.title')}</a></li>
<li><a href="#dev-sandbox">${t('developers.sandbox.title')}</a></li>
<li><a href="#dev-examples">${t('developers.examples.title')}</a></li>
<li><a href="#${KEY_FORM_ANCHOR}">${t('developers.key.title')}</a></li>
</ul></nav>
${apiSection(t, x)}
${sandboxSection(t, x)}
<section aria-labelledby="dev-examples">
<h2 id="dev-examples">${t('developers.examples.title')}</h2>
${curlExamples(t, x)}
<h3>${t('developers.sdk.title')}</h3>
<p>${t('developers.sdk.text')}</p>
${sdkExample(x)}
</section>
${keyRequestForm(t, v.form)}`;
}
