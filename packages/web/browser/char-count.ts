/**
 * The description's live count near its limit: "120 characters left", then
 * "15 characters too many" (the form no longer cuts a pasted text short; the
 * server refuses it whole, naming its length). Characters are counted as the
 * server counts them (code points).
 */
import { pluralText } from './plural.js';
import type { ReportConfig } from './report-config.js';

/** The count shows from this many characters before the limit. */
const SHOW_WITHIN = 500;

export function countCharacters(config: ReportConfig): void {
  const area = document.getElementById('f-description') as HTMLTextAreaElement | null;
  const out = document.getElementById('description-count');
  const max = Number(area?.dataset.max);
  if (!area || !out || !Number.isFinite(max) || max <= 0) return;
  const m = config.messages;
  const locale = document.documentElement.lang || 'en';
  const left = { one: m['form.description.left.one'], other: m['form.description.left.other'] };
  const over = { one: m['form.description.over.one'], other: m['form.description.over.other'] };
  const update = (): void => {
    const length = Array.from(area.value).length;
    out.hidden = length < max - SHOW_WITHIN;
    out.classList.toggle('over', length > max);
    out.textContent = out.hidden ? '' : length > max ? pluralText(over, locale, length - max) : pluralText(left, locale, max - length);
  };
  area.addEventListener('input', update);
  update();
}
