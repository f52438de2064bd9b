/**
 * Keeps the form's one-time token (src/citizen/form-token.ts) across Back.
 * A browser that keeps the page (back/forward cache) keeps the token with
 * it; one that loads the form again gets a new token from the server, so the
 * token of this tab's last load of the form is put back when the load is a
 * Back or Forward, and the new one kept when it is not.
 */
const key = (serviceCode: string): string => `o311-form-token:${serviceCode}`;

export function keepFormToken(form: HTMLFormElement, serviceCode: string): void {
  const input = form.elements.namedItem('form_token');
  if (!(input instanceof HTMLInputElement)) return;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  try {
    const kept = sessionStorage.getItem(key(serviceCode));
    if (nav?.type === 'back_forward' && kept) input.value = kept;
    else sessionStorage.setItem(key(serviceCode), input.value);
  } catch {
    // Storage refused (private mode): the server's token stands.
  }
}
