/** Shows problems in the page's `#error-summary` (linking to each field) and marks the fields. */
import type { FieldProblem } from './checks.js';

const INLINE = 'data-inline-error';

function clearInline(form: HTMLFormElement): void {
  for (const p of form.querySelectorAll(`[${INLINE}]`)) p.remove();
  for (const c of form.querySelectorAll('[aria-invalid="true"]')) c.removeAttribute('aria-invalid');
}

function markField(problem: FieldProblem): void {
  const target = document.getElementById(problem.id);
  if (!target) return;
  target.setAttribute('aria-invalid', 'true');
  const p = document.createElement('p');
  p.className = 'field-error';
  p.id = `${problem.id}-error-live`;
  p.setAttribute(INLINE, '');
  p.textContent = problem.message;
  const field = target.closest('.field');
  if (target instanceof HTMLFieldSetElement) target.querySelector('legend')?.after(p);
  else field?.querySelector('label')?.after(p);
  const described = new Set((target.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  described.add(p.id);
  target.setAttribute('aria-describedby', [...described].join(' '));
}

/** Empty lists hide the summary. Problems without a field (the server's words) are listed as text. */
export function showProblems(form: HTMLFormElement, fields: readonly FieldProblem[], other: readonly string[] = []): void {
  const summary = document.getElementById('error-summary');
  const list = summary?.querySelector('ul');
  clearInline(form);
  if (!summary || !list) return;
  list.replaceChildren(
    ...fields.map((f) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${f.id}`;
      a.textContent = f.message;
      li.append(a);
      return li;
    }),
    ...other.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
  fields.forEach(markField);
  summary.hidden = fields.length === 0 && other.length === 0;
  if (!summary.hidden) summary.focus();
}
