/** A table of validator runs (newest first): when, which endpoint or URL, state and result, each linked to its page. */
import type { ValidationRun, ValidationState } from '@o311/store';
import { html, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import { endpointRunsPath, runPath } from './paths.js';

const STATE_KEYS: Readonly<Record<ValidationState, MessageKey>> = {
  queued: 'validate.state.queued',
  running: 'validate.state.running',
  done: 'validate.state.done',
  failed: 'validate.state.failed',
};

export const stateLabel = (t: Translator, state: ValidationState): string => t(STATE_KEYS[state]);

export const summaryText = (t: Translator, s: NonNullable<ValidationRun['summary']>): string =>
  t('validate.summary', { errors: s.errors, warnings: s.warnings, info: s.info, passed: s.passed, skipped: s.skipped });

/** Endpoint names by slug, for the endpoint column; without it, the URL is shown. */
export type EndpointNames = ReadonlyMap<string, string>;

export function runsTable(t: Translator, runs: readonly ValidationRun[], names?: EndpointNames): Html {
  const target = (r: ValidationRun): Html => {
    const name = r.endpoint_slug !== null ? names?.get(r.endpoint_slug) : undefined;
    return name !== undefined && r.endpoint_slug !== null ? html`<a href="${endpointRunsPath(r.endpoint_slug)}">${name}</a>` : html`<span class="run-url">${r.url}</span>`;
  };
  return html`<table class="runs-table">
<thead><tr><th scope="col">${t('validate.col.when')}</th><th scope="col">${names ? t('validate.col.endpoint') : t('validate.col.url')}</th><th scope="col">${t('validate.col.state')}</th><th scope="col">${t('validate.col.result')}</th></tr></thead>
<tbody>${runs.map((r) => html`<tr><td><a href="${runPath(r.id)}">${t.dateTime(r.created_at, 'UTC')} UTC</a></td><td>${target(r)}</td><td>${stateLabel(t, r.state)}</td><td>${
    r.summary ? summaryText(t, r.summary) : r.error ?? ''
  }</td></tr>`)}</tbody>
</table>`;
}
