/**
 * `/staff/calls`: the first screen of a call. One form, for the keyboard: the
 * caller's phone or e-mail (their earlier requests and follows are shown),
 * then a keyword of what they call about (the services matching it, best
 * first, each a button that opens its form for this caller; the first one
 * focused, so that Enter opens it). The form is POSTed: a caller's phone
 * number or address never stands in a URL (the browser's history, the
 * server's logs).
 */
import type { CallerHistory } from '@o311/store';
import type { Service } from '@o311/georeport';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { groupServices } from '../../citizen/catalog.js';
import { errorSummary } from '../forms/error-summary.js';
import { errorFor, textInput, type FieldError } from '../forms/fields.js';
import { callerHistory } from './caller-history.js';
import { CALLS_PATH } from './paths.js';
import type { ServiceMatches } from './service-search.js';

export const CALLER_FIELD_ID = 'call-caller';
export const SERVICE_SEARCH_ID = 'call-service-search';

/** The longest caller contact read: an e-mail address is at most 254 characters. */
export const MAX_CALLER_LENGTH = 254;
export const MAX_QUERY_LENGTH = 200;

export interface StartView {
  caller: string;
  query: string;
  /** Every service, shown by group while nothing is searched. */
  services: readonly Service[];
  /** The services matching the query, best first. */
  matches: ServiceMatches;
  /** The caller's requests, when a contact was looked up. */
  history?: CallerHistory;
  timezone: string;
  errors: readonly FieldError[];
  csrf: Html;
}

function searchFields(t: Translator, v: StartView): Html {
  // The next field to type in: the caller's contact at first, the keyword once the caller is looked up (errors focus their summary).
  const focus = v.errors.length > 0 || v.query !== '' ? undefined : v.caller === '' ? 'caller' : 'search';
  return html`${textInput({
    id: CALLER_FIELD_ID, name: 'caller', type: 'search', label: t('calls.caller'), hint: t('calls.callerHint'), value: v.caller,
    error: errorFor(v.errors, CALLER_FIELD_ID), extra: html` autocomplete="off" maxlength="${MAX_CALLER_LENGTH}"${focus === 'caller' ? html` autofocus` : ''}`,
  })}
${textInput({
    id: SERVICE_SEARCH_ID, name: 'q', type: 'search', label: t('calls.serviceSearch'), hint: t('calls.serviceSearchHint'), value: v.query,
    extra: html` autocomplete="off" maxlength="${MAX_QUERY_LENGTH}"${focus === 'search' ? html` autofocus` : ''}`,
  })}
<button type="submit" id="call-find">${t('calls.find')}</button>`;
}

function serviceList(t: Translator, v: StartView): Html {
  const searched = v.query.trim() !== '';
  let first = searched && v.errors.length === 0;
  const choice = (s: Service): Html => {
    // After a search, the first (best) match takes the focus: Enter opens its form.
    const focus = first ? html` autofocus` : '';
    first = false;
    const hint = [searched ? s.group : null, s.description].filter(Boolean).join(' — ');
    return html`<li><button type="submit" name="service" value="${s.service_code}" class="inbox-link-button"${focus}>${s.service_name}</button>${
      hint ? html` <span class="svc-hint">${hint}</span>` : ''}</li>`;
  };
  const shown = v.matches.services;
  return html`<section class="admin-section" aria-labelledby="call-services-title" id="call-services">
<h2 id="call-services-title">${t('calls.services')}</h2>
<p role="status" id="call-services-count">${!searched ? '' : shown.length === 0 ? t('calls.servicesNone') : t.plural('calls.servicesCount', shown.length)}</p>
${searched
    ? html`<ul class="call-services" id="call-matches">${shown.map(choice)}</ul>`
    : groupServices(v.services, t.locale).map((g) => html`<h3>${g.name ?? t('home.otherServices')}</h3><ul class="call-services">${g.services.map(choice)}</ul>`)}
</section>`;
}

export function startPage(t: Translator, v: StartView): Html {
  return html`<h1>${t('calls.title')}</h1>
<p class="lead">${t('calls.intro')}</p>
${errorSummary(t, v.errors)}
<form method="post" action="${CALLS_PATH}" class="admin-form call-search" id="call-search">${v.csrf}
${searchFields(t, v)}
${v.history ? callerHistory(t, v.timezone, v.caller, v.history) : ''}
${serviceList(t, v)}
</form>`;
}
