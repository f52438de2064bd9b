/**
 * The endpoint page's monitor section: where the endpoint stands (state,
 * last and next poll), its settings (interval, paused, mail alerts to the
 * registry contact, alert webhook; the webhook secret write-only: only
 * whether one is set) and "Poll now".
 * Problems of the last save come back on the redirect (`?monitor=a,b`).
 */
import type { monitorAdmin } from '@o311/server';
import { MAX_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { MessageKey, Translator } from '../../../i18n/translate.js';
import { checkbox, textInput } from '../../forms/fields.js';
import { endpointHref } from './registry-list-view.js';

export type MonitorStatus = Awaited<ReturnType<typeof monitorAdmin.monitorStatus>>;

export const MONITOR_PROBLEMS = {
  interval: 'staff.monitor.problem.interval',
  url: 'staff.monitor.problem.url',
  secret: 'staff.monitor.problem.secret',
  'secret-needed': 'staff.monitor.problem.secretNeeded',
  'no-secret': 'staff.monitor.problem.noSecret',
} as const satisfies Record<string, MessageKey>;
export type MonitorProblem = keyof typeof MONITOR_PROBLEMS;

export const monitorHref = (slug: string): string => `${endpointHref(slug)}/monitor`;

const BOUNDS = { min: MIN_POLL_INTERVAL_S, max: MAX_POLL_INTERVAL_S };

function stateText(t: Translator, s: MonitorStatus, timezone: string): Html {
  const { target } = s;
  const when = (ms: number): Html => html`<time datetime="${new Date(ms).toISOString()}">${t.dateTime(ms, timezone)}</time>`;
  const lastPoll = target.last_poll_at === null
    ? html`${t('staff.monitor.never')}`
    : html`${when(target.last_poll_at)}: ${target.last_ok
      ? t('staff.monitor.pollOk', { ms: Math.round(target.last_latency_ms ?? 0) })
      : t('staff.monitor.pollFailed', { kind: target.last_error_kind ?? '?' })}`;
  return html`<dl>
<dt>${t('staff.monitor.state')}</dt><dd><strong>${t(`staff.monitor.state.${target.state}`)}</strong>${target.state_since !== null ? html` (${t('staff.monitor.since', { when: t.dateTime(target.state_since, timezone) })})` : ''}</dd>
<dt>${t('staff.monitor.lastPoll')}</dt><dd>${lastPoll}</dd>
</dl>
<p>${target.paused ? t('staff.monitor.paused') : t('staff.monitor.nextPoll', { when: t.dateTime(target.next_poll_at, timezone) })}</p>
${target.consecutive_failures > 0 ? html`<p>${t('staff.monitor.failures', { n: target.consecutive_failures })}</p>` : ''}`;
}

/** Disabled without a contact address: there is nobody to mail (and saving turns the alerts off). */
function mailAlertsBox(t: Translator, s: MonitorStatus): Html {
  const box = { id: 'monitor-mail', name: 'mail_alerts', value: 'on' };
  const contact = s.contactEmail;
  return contact === null
    ? checkbox({ ...box, label: t('staff.monitor.mailLabelNone'), checked: false, disabled: true, hint: t('staff.monitor.mailNoContact') })
    : checkbox({ ...box, label: t('staff.monitor.mailLabel', { contact }), checked: s.target.mail_alerts, hint: t('staff.monitor.mailHint') });
}

function settingsForm(t: Translator, slug: string, s: MonitorStatus, csrf: Html, problems: readonly MonitorProblem[]): Html {
  const { target } = s;
  const error = (...codes: MonitorProblem[]): string | undefined => {
    const code = codes.find((c) => problems.includes(c));
    return code === undefined ? undefined : t(MONITOR_PROBLEMS[code], BOUNDS);
  };
  const secretError = error('secret', 'secret-needed', 'no-secret');
  const secretHint = t(s.secretSet ? 'staff.monitor.secretSet' : 'staff.monitor.secretNotSet');
  return html`<form method="post" action="${monitorHref(slug)}" class="admin-form" novalidate>${csrf}
${textInput({
    id: 'monitor-interval', name: 'interval_s', type: 'number', label: t('staff.monitor.intervalLabel'), value: String(target.interval_s),
    hint: t('staff.monitor.intervalHint', BOUNDS), error: error('interval'), required: true,
    extra: html` min="${BOUNDS.min}" max="${BOUNDS.max}" step="1"`,
  })}
${checkbox({ id: 'monitor-paused', name: 'paused', value: 'on', label: t('staff.monitor.pausedLabel'), checked: target.paused })}
${mailAlertsBox(t, s)}
${textInput({
    id: 'monitor-webhook', name: 'webhook_url', label: t('staff.monitor.webhookLabel'), value: target.webhook_url ?? '',
    hint: t('staff.monitor.webhookHint'), error: error('url'), extra: html` maxlength="2048" spellcheck="false"`,
  })}
<div class="svc-field${secretError ? ' svc-field-invalid' : ''}"><label for="monitor-secret">${t('staff.monitor.secretLabel')}</label>
<p class="svc-hint" id="monitor-secret-hint">${secretHint}</p>${secretError ? html`<p class="svc-field-error" id="monitor-secret-error">${secretError}</p>` : ''}
<input type="password" id="monitor-secret" name="webhook_secret" value="" autocomplete="new-password" spellcheck="false" maxlength="256" aria-describedby="monitor-secret-hint${secretError ? ' monitor-secret-error' : ''}"${secretError ? html` aria-invalid="true"` : ''}></div>
<button type="submit">${t('staff.monitor.save')}</button>
</form>`;
}

export function monitorSection(
  t: Translator,
  v: { slug: string; status: MonitorStatus; csrf: Html; timezone: string; problems: readonly MonitorProblem[] },
): Html {
  return html`<section class="admin-section" aria-labelledby="monitor-title" id="monitor-section">
<h2 id="monitor-title">${t('staff.monitor.title')}</h2>
<p>${t('staff.monitor.intro')}</p>
${stateText(t, v.status, v.timezone)}
${settingsForm(t, v.slug, v.status, v.csrf, v.problems)}
<form method="post" action="${monitorHref(v.slug)}/poll" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.monitor.pollNow')}</button></form>
<p class="svc-hint">${t('staff.monitor.pollNowHint')}</p>
</section>`;
}

/** The problems named on the redirect, known codes only. */
export function problemsOf(query: string | undefined): MonitorProblem[] {
  return (query ?? '').split(',').filter((c): c is MonitorProblem => Object.hasOwn(MONITOR_PROBLEMS, c)).slice(0, 5);
}
