/** /staff/keys: the API keys, the form to create one, and the page that shows a new key's secret once. */
import { MAX_RATE_PER_MINUTE } from '@o311/server';
import type { DeveloperSettings } from '@o311/server';
import { API_CLIENTS, type ApiKey, type Jurisdiction, type KeyOwner, type KeyRequest, type KeyUsage } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, errorFor, selectField, textInput, type FieldError } from '../../forms/fields.js';
import { KEY_IDS, type KeyDraft } from './key-input.js';
import { pendingRequestsView } from './requests-view.js';
import { settingsForm } from './settings-form.js';

export interface KeysView {
  jurisdiction: Jurisdiction;
  keys: readonly ApiKey[];
  notice: Html;
  draft: KeyDraft;
  errors: readonly FieldError[];
  csrf: Html;
  /** Who asked for each self-service key, and what each key sent. */
  owners: ReadonlyMap<string, KeyOwner>;
  usage: ReadonlyMap<string, KeyUsage>;
  pending: readonly KeyRequest[];
  settings: DeveloperSettings;
  settingsErrors: readonly FieldError[];
}

function keyRow(t: Translator, v: KeysView, k: ApiKey): Html {
  const tz = v.jurisdiction.timezone;
  const owner = v.owners.get(k.id);
  const used = v.usage.get(k.id);
  const limit = html`<a href="/staff/keys/${encodeURIComponent(k.id)}/limit">${t('developers.admin.limit')}<span class="sr-only"> ${k.name}</span></a>`;
  const revoke = html`<form method="post" action="/staff/keys/${encodeURIComponent(k.id)}/revoke" class="admin-inline-form">${v.csrf}
<button type="submit" class="admin-danger">${t('staff.keys.revoke')}<span class="sr-only"> ${k.name}</span></button></form>`;
  return html`<tr${k.revoked_at === null ? '' : html` class="admin-inactive"`}>
<th scope="row">${k.name}</th>
<td>${owner ? html`${owner.name}<br>${owner.email}` : ''}</td>
<td>${used ? html`${t.number(used.requests)}<br>${t('developers.admin.lastUsed', { date: t.date(used.last_request_at, tz) })}` : t.number(0)}</td>
<td>${k.rate_limit_per_minute === 0 ? t('developers.admin.unlimited') : t.number(k.rate_limit_per_minute)}</td>
<td>${k.jurisdiction_id ?? t('developers.admin.anyJurisdiction')}</td>
<td>${k.trusted ? t('staff.form.yes') : t('staff.form.no')}</td>
<td>${t.date(k.created_at, tz)}</td>
<td>${k.revoked_at === null ? t('staff.keys.active') : t('staff.keys.revokedAt', { date: t.date(k.revoked_at, tz) })}</td>
<td>${k.revoked_at === null ? html`${limit} ${revoke}` : ''}</td>
</tr>`;
}

export function keysView(t: Translator, v: KeysView): Html {
  const keys = [...v.keys].sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null) || b.created_at - a.created_at);
  const table = keys.length === 0
    ? html`<p>${t('staff.keys.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.keys.caption')}</caption>
<thead><tr><th scope="col">${t('staff.keys.name')}</th><th scope="col">${t('developers.admin.owner')}</th><th scope="col">${t('developers.admin.usage')}</th><th scope="col">${t('staff.keys.rate')}</th><th scope="col">${t('developers.admin.scope')}</th><th scope="col">${t('staff.keys.trusted')}</th><th scope="col">${t('staff.keys.createdAt')}</th><th scope="col">${t('staff.keys.status')}</th><th scope="col"><span class="sr-only">${t('staff.departments.actions')}</span></th></tr></thead>
<tbody>${keys.map((k) => keyRow(t, v, k))}</tbody>
</table></div>`;
  return html`<h1>${t('staff.keys.title')}</h1>
<p>${t('staff.keys.intro')}</p>
${v.notice}
${pendingRequestsView(t, v.pending, v.csrf, v.jurisdiction.timezone)}
${table}
<section class="admin-section" aria-labelledby="new-key-title">
<h2 id="new-key-title">${t('staff.keys.add')}</h2>
${errorSummary(t, v.errors)}
<form method="post" action="/staff/keys" class="admin-form" novalidate>${v.csrf}
${textInput({ id: KEY_IDS.name, name: 'name', label: t('staff.keys.name'), value: v.draft.name, required: true, error: errorFor(v.errors, KEY_IDS.name) })}
${textInput({
    id: KEY_IDS.rate, name: 'rate', type: 'number', label: t('staff.keys.rate'), value: v.draft.rate, required: true,
    error: errorFor(v.errors, KEY_IDS.rate), extra: html` min="1" max="${MAX_RATE_PER_MINUTE}" step="1" inputmode="numeric"`,
  })}
${checkbox({ id: KEY_IDS.trusted, name: 'trusted', label: t('staff.keys.trusted'), checked: v.draft.trusted, hint: t('staff.keys.trustedHint') })}
${selectField({
    id: KEY_IDS.client, name: 'client', label: t('staff.keys.client'), value: v.draft.client, hint: t('staff.keys.clientHint'),
    choices: [{ value: '', label: t('staff.keys.clientUnknown') }, ...API_CLIENTS.map((c) => ({ value: c, label: c }))],
  })}
<button type="submit">${t('staff.keys.addSubmit')}</button>
</form>
</section>
${settingsForm(t, v.settings, v.settingsErrors, v.csrf)}`;
}

/** The only time a key's secret is ever shown. */
export function newKeyView(t: Translator, key: ApiKey, secret: string): Html {
  return html`<h1>${t('staff.keys.secretTitle')}</h1>
<p class="svc-notice" role="status">${t('staff.keys.secretText')}</p>
<div class="svc-field">
<label for="new-key-secret">${t('staff.keys.secretLabel', { name: key.name })}</label>
<input type="text" id="new-key-secret" class="admin-secret" value="${secret}" readonly spellcheck="false" autocomplete="off">
</div>
<p><a href="/staff/keys">${t('staff.keys.back')}</a></p>`;
}
