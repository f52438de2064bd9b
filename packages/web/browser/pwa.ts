/**
 * On every citizen page: registers the service worker (sw/sw.ts), asks it to
 * keep every service's form when the service list is shown, sends the outbox
 * (on load, when the connection returns, when Background Sync says so) and
 * tells the reporter what was sent, with its number, in a banner.
 */
import { readAppConfig, type AppConfig } from './app-config.js';
import { fill } from './report-config.js';
import { allReports, putReport } from './outbox-store.js';
import { OUTBOX_CHANGED, sendOutbox } from './outbox-send.js';
import { carryOutboxFragment } from './outbox-reopen.js';
import { serviceFormLinks } from './service-form-links.js';

function keepForms(): void {
  // The service list links each service's form; its confirmation pages are not kept ahead.
  const paths = serviceFormLinks().map((a) => a.pathname);
  if (paths.length === 0) return;
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: 'warm', paths: [...new Set(paths)] }));
}

function banner(): HTMLElement | undefined {
  const main = document.getElementById('main');
  if (!main) return undefined;
  let el = document.getElementById('app-banner');
  if (!el) {
    el = document.createElement('div');
    el.id = 'app-banner';
    el.setAttribute('role', 'status');
    main.prepend(el);
  }
  return el;
}

const trackLink = (config: AppConfig, id: string): HTMLAnchorElement => {
  const a = document.createElement('a');
  a.href = `/track/${encodeURIComponent(id)}`;
  a.textContent = fill(config.messages['pwa.outbox.track'], { id });
  return a;
};

/** The banner: each report sent since the reporter last looked, then how many still wait. */
async function tell(config: AppConfig): Promise<void> {
  const reports = await allReports().catch(() => []);
  const untold = reports.filter((r) => r.state === 'sent' && !r.told);
  const waiting = reports.filter((r) => r.state === 'pending').length;
  const el = banner();
  if (!el || (untold.length === 0 && waiting === 0)) return;
  el.replaceChildren();
  for (const r of untold) {
    const p = document.createElement('p');
    p.className = 'success';
    const id = r.receipt?.id;
    p.append(id ? fill(config.messages['pwa.banner.sent'], { service: r.serviceName, id }) : fill(config.messages['pwa.banner.sentNoNumber'], { service: r.serviceName }));
    if (id) p.append(' ', trackLink(config, id));
    el.append(p);
    await putReport({ ...r, told: true });
  }
  if (waiting > 0) {
    const p = document.createElement('p');
    p.className = 'notice';
    const a = document.createElement('a');
    a.href = config.outboxPath;
    a.textContent = config.messages['pwa.banner.view'];
    p.append(fill(config.messages['pwa.banner.waiting'], { count: waiting }), ' ', a);
    el.append(p);
  }
}

function start(): void {
  const config = readAppConfig();
  if (!config || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(config.serviceWorker, { scope: '/' }).catch(() => undefined);
  keepForms();
  carryOutboxFragment();
  // The outbox page lists the reports itself (outbox-page.ts).
  const onOutboxPage = window.location.pathname === config.outboxPath;
  const flush = async (): Promise<void> => {
    await sendOutbox();
    if (!onOutboxPage) await tell(config);
  };
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'outbox-replay') void flush();
  });
  window.addEventListener('online', () => void flush());
  if (!onOutboxPage) window.addEventListener(OUTBOX_CHANGED, () => void tell(config));
  void flush();
}

start();
