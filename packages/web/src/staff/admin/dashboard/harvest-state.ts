/** Where harvesting an endpoint source stands (last run, success, error, next run), for its page and the registry's. */
import type { HarvestState } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';

const when = (t: Translator, ms: number | null, timezone: string): Html =>
  ms === null ? html`${t('staff.dashboard.harvest.never')}` : html`<time datetime="${new Date(ms).toISOString()}">${t.dateTime(ms, timezone)}</time>`;

/** One line for a table cell: the last success, or the last error when the last run failed. */
export function harvestSummary(t: Translator, h: HarvestState, timezone: string): Html {
  if (h.last_error !== null) return html`<span class="svc-field-error">${t('staff.dashboard.harvest.failed', { error: h.last_error })}</span>`;
  return html`${t('staff.dashboard.harvest.lastSuccess')}: ${when(t, h.last_success_at, timezone)}`;
}

export function harvestState(t: Translator, h: HarvestState | null, timezone: string): Html {
  if (h === null) return html`<p>${t('staff.dashboard.harvest.none')}</p>`;
  return html`<dl>
<dt>${t('staff.dashboard.harvest.lastRun')}</dt><dd>${when(t, h.last_run_at, timezone)}</dd>
<dt>${t('staff.dashboard.harvest.lastSuccess')}</dt><dd>${when(t, h.last_success_at, timezone)}</dd>
<dt>${t('staff.dashboard.harvest.lastError')}</dt><dd>${h.last_error === null ? t('staff.dashboard.harvest.noError') : html`<span class="svc-field-error">${h.last_error}</span>`}</dd>
<dt>${t('staff.dashboard.harvest.nextRun')}</dt><dd>${when(t, h.next_run_at, timezone)}</dd>
<dt>${t('staff.dashboard.harvest.seen')}</dt><dd>${t.number(h.requests_seen)}</dd>
</dl>`;
}
