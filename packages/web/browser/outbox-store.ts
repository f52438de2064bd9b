/**
 * The outbox: reports made without a connection, kept in IndexedDB (photos
 * as Blobs) until they are sent (outbox-send.ts). Once sent, a report keeps
 * only what the reporter is told (the service and the number): its answers,
 * contact details and photos are dropped. A refused report keeps them all, to
 * be corrected in the form and sent again (browser/outbox-reopen.ts).
 */

export interface QueuedPhoto {
  name: string;
  blob: Blob;
}

export type QueuedState = 'pending' | 'sent' | 'refused';

export interface QueuedReport {
  id: string;
  serviceCode: string;
  serviceName: string;
  apiKey: string;
  /** The form's answers, in order; empty once sent (kept when refused). */
  answers: [string, string][];
  photos: QueuedPhoto[];
  /** The answers as the form showed them (label, answer), for the outbox to show; empty once sent. */
  shown?: [string, string][];
  /** The one-time token, sent as the Idempotency-Key, so any resend lands on the first request. */
  token: string;
  queuedAt: number;
  state: QueuedState;
  receipt?: { id: string | null; token: string | null };
  problems?: string[];
  /** The reporter has been told it was sent. */
  told?: boolean;
}

/** Answers the form sets itself, not the reporter (the app's key, the service, the form's token, the signed-in account). */
export const FORM_OWN_FIELDS: ReadonlySet<string> = new Set(['api_key', 'service_code', 'form_token', 'account_id']);

const DB = 'o311-outbox';
const STORE = 'reports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
    });
  } finally {
    db.close();
  }
}

/** A random token of the shape the server issues (src/citizen/form-token.ts). */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export const putReport = (r: QueuedReport): Promise<IDBValidKey> => run('readwrite', (s) => s.put(r));
export const deleteReport = (id: string): Promise<undefined> => run('readwrite', (s) => s.delete(id));
export const getReport = (id: string): Promise<QueuedReport | undefined> => run('readonly', (s) => s.get(id) as IDBRequest<QueuedReport | undefined>);

export async function allReports(): Promise<QueuedReport[]> {
  const list = await run<QueuedReport[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedReport[]>);
  return list.sort((a, b) => a.queuedAt - b.queuedAt);
}
