/** The outbox page (src/pwa/outbox-page.ts): each report kept on this device, waiting, sent (with its number) or refused. */
import { readAppConfig, type AppConfig } from './app-config.js';
import { fill } from './report-config.js';
import { allReports, deleteReport, FORM_OWN_FIELDS, putReport, type QueuedReport } from './outbox-store.js';
import { OUTBOX_CHANGED, sendOutbox } from './outbox-send.js';
import { chooseServiceHref, reopenHref } from './outbox-reopen.js';

function stateText(config: AppConfig, r: QueuedReport): string {
  const m = config.messages;
  if (r.state === 'pending') {
    const time = new Intl.DateTimeFormat(config.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(r.queuedAt);
    return fill(m['pwa.outbox.pending'], { time });
  }
  if (r.state === 'refused') return m['pwa.outbox.refused'];
  const id = r.receipt?.id;
  return id ? fill(m['pwa.outbox.sent'], { id }) : m['pwa.outbox.sentNoNumber'];
}

/** A refused report: the server's reasons (in its own words, English), everything written, and the way back to the form. */
function refusedDetails(config: AppConfig, r: QueuedReport): HTMLElement[] {
  const m = config.messages;
  const out: HTMLElement[] = [];
  if ((r.problems ?? []).length > 0) {
    const said = document.createElement('p');
    said.textContent = m['pwa.outbox.serverSaid'];
    const reasons = document.createElement('ul');
    reasons.lang = 'en';
    reasons.className = 'outbox-reasons';
    for (const p of r.problems ?? []) reasons.append(Object.assign(document.createElement('li'), { textContent: p }));
    out.push(said, reasons);
  }
  // Reports queued before the form's own words were kept show the fields' names.
  const written = r.shown ?? r.answers.filter(([name, value]) => !FORM_OWN_FIELDS.has(name) && value.trim() !== '');
  const details = document.createElement('details');
  details.append(Object.assign(document.createElement('summary'), { textContent: m['pwa.outbox.answers'] }));
  const dl = document.createElement('dl');
  for (const [name, value] of written) {
    dl.append(Object.assign(document.createElement('dt'), { textContent: name }), Object.assign(document.createElement('dd'), { textContent: value }));
  }
  details.append(dl);
  if (r.photos.length > 0) details.append(Object.assign(document.createElement('p'), { textContent: fill(m['pwa.outbox.photosKept'], { number: r.photos.length }) }));
  const edit = document.createElement('a');
  edit.href = reopenHref(r.serviceCode, r.id);
  edit.className = 'button';
  edit.textContent = m['pwa.outbox.edit'];
  edit.setAttribute('aria-label', `${m['pwa.outbox.edit']}: ${r.serviceName}`);
  const other = document.createElement('a');
  other.href = chooseServiceHref(r.id);
  other.textContent = m['pwa.outbox.otherService'];
  const p = document.createElement('p');
  p.append(edit, ' ', other);
  out.push(details, p);
  return out;
}

function item(config: AppConfig, r: QueuedReport, render: () => Promise<void>): HTMLLIElement {
  const li = document.createElement('li');
  li.className = r.state === 'sent' ? 'success' : r.state === 'refused' ? 'notice' : '';
  li.dataset.state = r.state;
  const name = document.createElement('strong');
  name.textContent = r.serviceName;
  li.append(name, ': ', stateText(config, r));
  if (r.state === 'refused') li.append(...refusedDetails(config, r));
  const id = r.receipt?.id;
  if (id) {
    const a = document.createElement('a');
    a.href = `/track/${encodeURIComponent(id)}`;
    a.textContent = fill(config.messages['pwa.outbox.track'], { id });
    li.append(' ', a);
  }
  if (r.state !== 'pending') {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = config.messages['pwa.outbox.remove'];
    remove.setAttribute('aria-label', `${config.messages['pwa.outbox.remove']}: ${r.serviceName}`);
    remove.addEventListener('click', () => void deleteReport(r.id).then(render));
    li.append(' ', remove);
  }
  return li;
}

function start(): void {
  const config = readAppConfig();
  const list = document.getElementById('outbox-list');
  const empty = document.getElementById('outbox-empty');
  const send = document.getElementById('outbox-send') as HTMLButtonElement | null;
  if (!config || !list || !empty || !send) return;

  const render = async (): Promise<void> => {
    const reports = await allReports().catch(() => []);
    list.replaceChildren(...reports.map((r) => item(config, r, render)));
    list.hidden = reports.length === 0;
    empty.hidden = reports.length > 0;
    send.hidden = !reports.some((r) => r.state === 'pending');
    // Seen here: the banner on other pages need not repeat it.
    for (const r of reports) if (r.state === 'sent' && !r.told) await putReport({ ...r, told: true });
  };
  send.addEventListener('click', () => void sendOutbox().then(render));
  window.addEventListener(OUTBOX_CHANGED, () => void render());
  window.addEventListener('online', () => void sendOutbox().then(render));
  void render();
}

start();
