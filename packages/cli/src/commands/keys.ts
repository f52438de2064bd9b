/**
 * `o311 keys create|list|revoke`: API keys for Open311 clients (needed to POST).
 * The secret is printed once, as the last line of `create`, so scripts can take it with `tail -n 1`.
 */
import { Command, Option } from 'commander';
import { MAX_RATE_PER_MINUTE } from '@o311/server';
import { API_CLIENTS, type ApiClient, type ApiKey, type Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { println, type CliIo } from '../io.js';
import { formatTimestamp, renderTable } from '../table.js';
import { addListAndRevokeCommands } from './credentials.js';
import { addDatabaseOption, integerIn, nameArg, type DatabaseOptions } from './options.js';

export const DEFAULT_RATE_LIMIT = 120;

export interface CreateKeyInput {
  name: string;
  rate_limit_per_minute: number;
  trusted: boolean;
  client?: ApiClient | null;
}

const describeLimit = (perMinute: number): string => (perMinute === 0 ? 'unlimited' : `${perMinute}/min`);

export async function createKey(store: Store, input: CreateKeyInput): Promise<{ key: ApiKey; secret: string }> {
  return store.createApiKey(input);
}

/** Revokes every active key named `name` and creates a fresh one (the demo key of `serve --demo`). */

export function keysTable(keys: readonly ApiKey[]): string {
  return renderTable(
    ['ID', 'NAME', 'RATE LIMIT', 'TRUSTED', 'CLIENT', 'CREATED', 'REVOKED'],
    keys.map((k) => [
      k.id, k.name, describeLimit(k.rate_limit_per_minute), k.trusted ? 'yes' : 'no', k.client ?? '-', formatTimestamp(k.created_at), formatTimestamp(k.revoked_at),
    ]),
  );
}

export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description('manage API keys of Open311 clients');

  addDatabaseOption(
    keys.command('create')
      .description('create an API key; prints the key as the last line')
      .requiredOption('--name <name>', 'who the key is for (an app or a partner)', nameArg)
      .addOption(new Option('--rate-limit <per-minute>', 'requests per minute, 0 = unlimited').argParser(integerIn(0, MAX_RATE_PER_MINUTE)).default(DEFAULT_RATE_LIMIT))
      .option('--trusted', 'may POST servicerequestupdates (status updates from partner systems)', false)
      .addOption(new Option('--client <program>', 'the client program that uses the key: the services editor warns about blackbox services it posts to').choices(API_CLIENTS)),
  ).action(async (o: DatabaseOptions & { name: string; rateLimit: number; trusted: boolean; client?: ApiClient }) => {
    const { key, secret } = await withDatabase(resolveDatabaseUrl(o.database, io.env), (store) =>
      createKey(store, { name: o.name, rate_limit_per_minute: o.rateLimit, trusted: o.trusted, client: o.client ?? null }));
    println(io.stdout, `created API key ${key.id} for "${key.name}" (rate limit ${describeLimit(key.rate_limit_per_minute)}, ${key.trusted ? 'trusted' : 'not trusted'})`);
    println(io.stdout, 'the key is shown only this once; store it safely:');
    println(io.stdout, secret);
  });

  addListAndRevokeCommands(keys, io, {
    list: (store) => store.listApiKeys(),
    revoke: (store, id) => store.revokeApiKey(id),
    table: keysTable,
    listDescription: 'list API keys (secrets are never shown)',
    empty: 'no API keys yet; create one with `o311 keys create --name NAME`',
    revokeDescription: 'revoke an API key; it stops working at once',
    idDescription: 'key id, from `o311 keys list`',
    notFound: (id) => `no API key with id ${id}; see \`o311 keys list\``,
    revoked: (key) => key.revoked_at !== null
      ? `API key ${key.id} ("${key.name}") was already revoked on ${formatTimestamp(key.revoked_at)}`
      : `revoked API key ${key.id} ("${key.name}")`,
  });

  return keys;
}
