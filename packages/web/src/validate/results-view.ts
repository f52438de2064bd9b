/**
 * A finished run's results: failures grouped by severity (errors, warnings,
 * information), each with its title, spec reference, message, what was sent
 * and what came back (escaped, in <pre>) and how to fix it; then the passed and
 * skipped checks, collapsed.
 */
import type { CheckResult, Severity, ValidationReport } from '@o311/validator';
import { html, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';

const GROUPS: readonly { severity: Severity; key: MessageKey }[] = [
  { severity: 'error', key: 'validate.group.error' },
  { severity: 'warning', key: 'validate.group.warning' },
  { severity: 'info', key: 'validate.group.info' },
];

function failure(t: Translator, r: CheckResult): Html {
  return html`<li class="result result-${r.severity}" id="check-${r.id}">
<h4>${r.title} <code>${r.id}</code></h4>
<p class="result-ref">${t('validate.specRef', { ref: r.specRef })}</p>
<p class="result-message">${r.message}</p>
${r.evidence ? html`<details class="result-evidence"><summary>${t('validate.sent')} / ${t('validate.received')}</summary>
<h5>${t('validate.sent')}</h5><pre>${r.evidence.request}</pre>
<h5>${t('validate.received')}</h5><pre>${r.evidence.response}</pre></details>` : ''}
<p class="result-fix"><strong>${t('validate.fix')}</strong> ${r.fix}</p>
</li>`;
}

const brief = (r: CheckResult): Html => html`<li id="check-${r.id}"><span class="result-title">${r.title}</span> <code>${r.id}</code> — ${r.message}</li>`;

function collapsed(t: Translator, key: MessageKey, id: string, results: readonly CheckResult[]): Html {
  if (results.length === 0) return html``;
  return html`<details class="result-group" id="${id}"><summary>${t(key, { count: results.length })}</summary><ul class="results-brief">${results.map(brief)}</ul></details>`;
}

export function resultsView(t: Translator, report: ValidationReport): Html {
  const failed = report.results.filter((r) => r.status === 'fail');
  const groups = GROUPS.map(({ severity, key }) => {
    const rs = failed.filter((r) => r.severity === severity);
    return rs.length === 0 ? html`` : html`<section class="result-group" id="group-${severity}" aria-labelledby="group-${severity}-title">
<h3 id="group-${severity}-title">${t(key, { count: rs.length })}</h3>
<ul class="results">${rs.map((r) => failure(t, r))}</ul></section>`;
  });
  return html`${failed.length === 0 ? html`<p class="success">${t('validate.noFailures')}</p>` : groups}
${collapsed(t, 'validate.group.passed', 'group-passed', report.results.filter((r) => r.status === 'pass'))}
${collapsed(t, 'validate.group.skipped', 'group-skipped', report.results.filter((r) => r.status === 'skip'))}`;
}

/** The results of a running run so far, in the order they finished (the page's script adds to it). */
export function soFarList(t: Translator, results: readonly CheckResult[]): Html {
  return html`<h2 id="run-so-far-title">${t('validate.soFar')}</h2><ul class="results-brief" id="run-so-far" aria-labelledby="run-so-far-title">${results.map(
    (r) => html`<li class="so-far-${r.status}">${r.title} — ${statusWord(t, r)}</li>`,
  )}</ul>`;
}

export const statusWord = (t: Translator, r: Pick<CheckResult, 'status' | 'severity'>): string =>
  r.status === 'fail' ? `${t('validate.status.fail')} (${t(`validate.severity.${r.severity}`)})` : t(`validate.status.${r.status}`);
