/**
 * What the reporter wrote, as the form showed it: each answered question's
 * label (a choice's group legend) with the answer's own words (a choice's
 * label, not its key). Kept with a queued report, so the outbox can show
 * every answer of a report the city refused (outbox-page.ts).
 */
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const words = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const labelOf = (c: Control): string => words(c.labels?.[0]);

function answerOf(c: Control): [string, string] | undefined {
  if (c instanceof HTMLInputElement && (c.type === 'hidden' || c.type === 'file' || c.type === 'submit' || c.type === 'button')) return undefined;
  if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
    if (!c.checked) return undefined;
    const legend = words(c.closest('fieldset')?.querySelector('legend'));
    return [legend || labelOf(c), labelOf(c) || c.value];
  }
  if (c instanceof HTMLSelectElement) {
    const chosen = Array.from(c.selectedOptions).filter((o) => o.value !== '').map((o) => words(o));
    return chosen.length > 0 ? [labelOf(c) || c.name, chosen.join(', ')] : undefined;
  }
  return c.value.trim() === '' ? undefined : [labelOf(c) || c.name, c.value];
}

export function shownAnswers(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || el.name === '' || el.disabled) continue;
    const answer = answerOf(el);
    if (answer) out.push(answer);
  }
  return out;
}
