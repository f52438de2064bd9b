/**
 * `/staff/calls`: the first screen of a call. One search form, for the
 * keyboard: the caller's phone or e-mail (their earlier requests and follows
 * are shown), then a keyword of what they call about (the services matching
 * it, the first one focused so that Enter opens its form).
 */
import type { CallerHistory } from '@o311/store';
import type { Service } from '@o311/georeport';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { filterServices, groupServices } from '../../citizen/catalog.js';
import { errorSummary } from '../forms/error-summary.js';
import { errorFor, textInput, type FieldError } from '../forms/fields.js';
import { callerHistory } from './caller-history.js';
import { CALLS_PATH, callFormPath } from './paths.js';

export const CALLER_FIELD_ID = 'call-caller';
export const SERVICE_SEARCH_ID = 'call-service-search';

export interface StartView {
  caller: string;
  query: string;
  services: readonly Service[];
  /** The caller's requests, when a contact was looked up. */
  history?: CallerHistory;
  timezone: string;
  errors: readonly FieldError[];
}

function searchForm(t: Translator, v: StartView): Html {
  return html`<form method="get" action="${CALLS_PATH}" role="search" class="admin-form call-search" id="call-search">
${textInput({
    id: CALLER_FIELD_ID, name: 'caller', type: 'search', label: t('calls.caller'), hint: t('calls.callerHint'), value: v.caller,
    error: errorFor(v.errors, CALLER_FIELD_ID), extra: html` autocomplete="off" maxlength="254"${v.query === '' && v.errors.length === 0 ? html` autofocus` : ''}`,
  })}
${textInput({
    id: SERVICE_SEARCH_ID, name: 'q', type: 'search', label: t('calls.serviceSearch'), hint: t('calls.serviceSearchHint'), value: v.query,
    extra: html` autocomplete="off" maxlength="200"`,
  })}
<button type="submit" id="call-find">${t('calls.find')}</button>
</form>`;
}

function serviceList(t: Translator, v: StartView): Html {
  const shown = filterServices(v.services, v.query);
  let first = v.query !== '' && v.errors.length === 0;
  const link = (s: Service): Html => {
    // After a search, the first match takes the focus: Enter opens its form.
    const focus = first ? html` autofocus` : '';
    first = false;
    return html`<li><a href="${callFormPath(s.service_code, v.caller)}"${focus}>${s.service_name}</a>${
      s.description ? html` <span class="svc-hint">${s.description}</span>` : ''}</li>`;
  };
  return html`<section class="admin-section" aria-labelledby="call-services-title" id="call-services">
<h2 id="call-services-title">${t('calls.services')}</h2>
<p role="status" id="call-services-count">${v.query === '' ? '' : shown.length === 0 ? t('calls.servicesNone') : t.plural('calls.servicesCount', shown.length)}</p>
${groupServices(shown, t.locale).map((g) => html`<h3>${g.name ?? t('home.otherServices')}</h3><ul class="call-services">${g.services.map(link)}</ul>`)}
</section>`;
}

export function startPage(t: Translator, v: StartView): Html {
  return html`<h1>${t('calls.title')}</h1>
<p class="lead">${t('calls.intro')}</p>
${errorSummary(t, v.errors)}
${searchForm(t, v)}
${v.history ? callerHistory(t, v.timezone, v.caller, v.history) : ''}
${serviceList(t, v)}`;
}
