/** Which database a command works on, and opening it ready for use. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openStore, parseDatabaseUrl, redactUrl, type Store } from '@o311/store';
import { CliError, describeError, UsageError } from './errors.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/o311.sqlite';
export const DATABASE_ENV = 'O311_DATABASE_URL';

/** `--database`, else `$O311_DATABASE_URL`, else `sqlite:./data/o311.sqlite`. */
export function resolveDatabaseUrl(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env[DATABASE_ENV];
  if (option !== undefined && option.trim() !== '') return option.trim();
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  return DEFAULT_DATABASE_URL;
}

export { redactUrl };

/**
 * Opens the store and brings its schema up to date. A SQLite file's folder is
 * created when missing. Errors name the database (password hidden).
 */
export async function openDatabase(url: string): Promise<Store> {
  let location: ReturnType<typeof parseDatabaseUrl>;
  try {
    location = parseDatabaseUrl(url);
  } catch (e) {
    throw new UsageError(describeError(e));
  }
  if (location.dialect === 'sqlite' && location.path !== ':memory:') {
    await mkdir(dirname(location.path), { recursive: true });
  }
  let store: Store;
  try {
    store = await openStore(url);
  } catch (e) {
    throw new CliError(`cannot open database ${redactUrl(url)}: ${describeError(e)}`, { cause: e });
  }
  try {
    await store.migrate();
  } catch (e) {
    await store.close().catch(() => undefined);
    throw new CliError(`cannot migrate database ${redactUrl(url)}: ${describeError(e)}`, { cause: e });
  }
  return store;
}

/** Runs `work` with an open store and always closes it. */
export async function withDatabase<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDatabase(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
