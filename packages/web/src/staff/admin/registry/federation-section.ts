/**
 * The endpoint page's federated-endpoint section: whether an upstream API key
 * is set (never the key: the field is write-only), the forms to set, replace
 * or remove it, and the link to the endpoint's deliveries. Without
 * O311_ROUTER_SECRET it says why no key can be stored.
 */
import type { federationAdmin } from '@o311/server';
import { html, type Html } from '../../../html.js';
import type { MessageKey, Translator } from '../../../i18n/translate.js';
import { endpointHref } from './registry-list-view.js';

export type UpstreamKeyStatus = Awaited<ReturnType<typeof federationAdmin.upstreamKeyStatus>>;

/** Problems of the last key form, passed back on the redirect (`?key=<code>`). */
export const KEY_PROBLEMS = { invalid: 'staff.federation.keyInvalid', 'no-secret': 'staff.federation.noSecret' } as const satisfies Record<string, MessageKey>;
export type KeyProblem = keyof typeof KEY_PROBLEMS;

export const deliveriesHref = (slug: string): string => `${endpointHref(slug)}/deliveries`;

function keyForm(t: Translator, slug: string, status: UpstreamKeyStatus, csrf: Html, problem: KeyProblem | undefined): Html {
  const error = problem === 'invalid' ? html`<p class="svc-field-error" id="upstream-key-error">${t(KEY_PROBLEMS.invalid)}</p>` : '';
  const describedBy = `upstream-key-hint${problem === 'invalid' ? ' upstream-key-error' : ''}`;
  return html`<form method="post" action="${endpointHref(slug)}/upstream-key" class="admin-form">${csrf}
<div class="svc-field"><label for="upstream-key">${t('staff.federation.keyLabel')}</label>
<p class="svc-hint" id="upstream-key-hint">${t('staff.federation.keyHint')}</p>${error}
<input type="password" id="upstream-key" name="upstream_api_key" value="" autocomplete="new-password" spellcheck="false" required maxlength="1024" aria-describedby="${describedBy}"${problem === 'invalid' ? html` aria-invalid="true"` : ''}></div>
<button type="submit">${t(status.set ? 'staff.federation.keyReplace' : 'staff.federation.keySave')}</button>
</form>`;
}

const removeForm = (t: Translator, slug: string, csrf: Html): Html =>
  html`<form method="post" action="${endpointHref(slug)}/upstream-key/delete" class="admin-inline-form">${csrf}<button type="submit" class="admin-danger">${t('staff.federation.keyRemove')}</button></form>`;

export function federationSection(t: Translator, v: { slug: string; status: UpstreamKeyStatus; csrf: Html; problem: KeyProblem | undefined }): Html {
  const { slug, status } = v;
  const cannot = !status.canStore || v.problem === 'no-secret';
  return html`<section class="admin-section" aria-labelledby="federation-title" id="upstream-key-section">
<h2 id="federation-title">${t('staff.federation.title')}</h2>
<p>${t('staff.federation.intro')}</p>
<p><strong>${t(status.set ? 'staff.federation.keySet' : 'staff.federation.keyNotSet')}</strong></p>
${cannot ? html`<p class="svc-field-error" role="alert">${t('staff.federation.noSecret')}</p>` : keyForm(t, slug, status, v.csrf, v.problem)}
${status.set ? removeForm(t, slug, v.csrf) : ''}
<p><a href="${deliveriesHref(slug)}">${t('staff.federation.deliveries')}</a></p>
</section>`;
}
