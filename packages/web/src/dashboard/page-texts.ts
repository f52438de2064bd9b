/**
 * The catalogue entries browser/dashboard.ts writes figures with, in the
 * page's language, handed to it as JSON in the page (keep the list in step
 * with its `Texts`).
 */
import { jsonData, html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { MessageKey } from '../i18n/messages/index.js';
import type { PluralBase } from '../i18n/plural.js';

const KEYS = [
  'dashboard.brief', 'dashboard.briefText', 'dashboard.range', 'dashboard.total', 'dashboard.hours',
  'dashboard.change.up', 'dashboard.change.down', 'dashboard.change.same', 'dashboard.change.unknown',
  'dashboard.hoursUnder', 'dashboard.hoursBetween', 'dashboard.hoursOver', 'dashboard.daysUnder', 'dashboard.daysBetween', 'dashboard.daysOver',
  'dashboard.chart.volume.day', 'dashboard.chart.volume.week', 'dashboard.chart.volume.month',
  'dashboard.pointsCapped', 'dashboard.pointsAll', 'dashboard.legend',
  'dashboard.updating', 'dashboard.failed', 'status.noData',
] as const satisfies readonly MessageKey[];

/** Counted messages: each form goes as `base.form` (browser/dashboard-texts.ts `plural`). */
const COUNTED = ['dashboard.cluster', 'dashboard.updated'] as const satisfies readonly PluralBase[];

export function pageTexts(t: Translator): Html {
  const texts: Record<string, string> = Object.fromEntries(KEYS.map((k) => [k, t(k)]));
  for (const base of COUNTED) {
    for (const [form, text] of Object.entries(t.pluralForms(base))) texts[`${base}.${form}`] = text;
  }
  return html`<script type="application/json" id="dashboard-texts">${jsonData(texts)}</script>`;
}
