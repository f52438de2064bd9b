/**
 * A server-rendered error summary (GOV.UK pattern): it takes the focus when the
 * page opens, so screen readers read it first, and its links move the focus
 * to their field (a fragment link alone only scrolls).
 */
export function focusErrorSummary(): void {
  const summary = document.getElementById('error-summary');
  if (!summary || summary.hidden) return;
  summary.focus();
  summary.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
    const field = link ? document.getElementById((link.getAttribute('href') ?? '').slice(1)) : null;
    if (!field) return;
    e.preventDefault();
    field.focus();
  });
}
