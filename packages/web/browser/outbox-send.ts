/**
 * Sending the outbox (outbox-store.ts): each waiting report is posted once
 * the connection is back, under its one-time token, so a send whose answer was
 * lost, or two tabs sending at the same time, still file it once. Sent by the
 * open pages (browser/pwa.ts): on load, when the browser comes online, and
 * when Background Sync wakes the service worker.
 */
import { orderedReportBody } from './report-body.js';
import { submitReport, type Channel } from './submit.js';
import { allReports, deleteReport, newToken, putReport, type QueuedPhoto, type QueuedReport } from './outbox-store.js';

/** Fired on window whenever the outbox changed (a report queued, sent or refused). */
export const OUTBOX_CHANGED = 'o311-outbox-changed';

/** Sent reports kept to be listed (the newest). */
const MAX_SENT_KEPT = 50;

const changed = (): void => {
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
};

export interface NewReport {
  serviceCode: string;
  serviceName: string;
  apiKey: string;
  answers: [string, string][];
  shown: [string, string][];
  photos: readonly QueuedPhoto[];
  /** The form's token when a send was tried (it may have arrived); otherwise a new one is made. */
  token?: string;
}

export async function queueReport(r: NewReport, syncTag: string): Promise<void> {
  await putReport({
    id: newToken(),
    serviceCode: r.serviceCode,
    serviceName: r.serviceName,
    apiKey: r.apiKey,
    answers: r.answers,
    shown: r.shown,
    photos: [...r.photos],
    token: r.token ?? newToken(),
    queuedAt: Date.now(),
    state: 'pending',
  });
  changed();
  try {
    const reg = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(syncTag);
  } catch {
    // No Background Sync: the next page load or the online event sends it.
  }
}

const bodyOf = (r: QueuedReport): FormData => orderedReportBody(r.answers, r.apiKey, r.serviceCode, r.photos);

/** Sends one report; false when it must wait (no connection, or the server asks to come back later). */
async function sendOne(r: QueuedReport, channel: Channel): Promise<boolean> {
  let result = await submitReport(bodyOf(r), r.token, channel);
  if (!result.ok && 'sentAlready' in result) {
    // The token was spent on another submission (a form kept offline, sent before): this report was never
    // filed under it, so it goes under a new one (kept first, so a lost answer is resent under the same).
    r.token = newToken();
    await putReport(r);
    result = await submitReport(bodyOf(r), r.token, channel);
  }
  if (!result.ok && ('network' in result || ('later' in result && result.later))) return false;
  // A refused report keeps every answer and photo, so the reporter can correct it and send it again.
  const done: QueuedReport = result.ok
    ? { ...r, answers: [], shown: [], photos: [], state: 'sent', receipt: { id: result.id, token: result.token } }
    : { ...r, state: 'refused', problems: 'problems' in result ? result.problems : [] };
  await putReport(done);
  return true;
}

async function sendAll(): Promise<void> {
  const reports = await allReports();
  for (const r of reports.filter((x) => x.state === 'pending')) {
    if (!(await sendOne(r, 'app'))) break;
    changed();
  }
  // Refused ones stay until the reporter sends or removes them: they hold what the reporter wrote.
  const sent = reports.filter((x) => x.state === 'sent');
  if (sent.length > MAX_SENT_KEPT) {
    for (const old of sent.slice(0, sent.length - MAX_SENT_KEPT)) await deleteReport(old.id);
  }
}

let running: Promise<void> | undefined;

/** Sends what waits, once at a time in this tab and (with Web Locks) across tabs. */
export function sendOutbox(): Promise<void> {
  running ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      if (locks) await locks.request('o311-outbox', () => sendAll());
      else await sendAll();
    } catch {
      // IndexedDB unavailable (private mode in some browsers): nothing was kept to send.
    } finally {
      running = undefined;
    }
  })();
  return running;
}
