/** API keys of Open311 clients. Only the SHA-256 of a secret is stored. */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiClient, ApiKey, NewApiKey } from '../contract.js';
import type { ApiKeysTable } from '../schema/tables.js';
import { generateSecret, hashSecret } from '../secrets.js';
import { fromFlag, revokeRow, toFlag, type Db } from './shared.js';

export const toApiKey = (row: Selectable<ApiKeysTable>): ApiKey => ({
  id: row.id,
  name: row.name,
  rate_limit_per_minute: row.rate_limit_per_minute,
  trusted: fromFlag(row.trusted),
  created_at: row.created_at,
  revoked_at: row.revoked_at,
  client: row.client as ApiClient | null,
  public: fromFlag(row.public),
  jurisdiction_id: row.jurisdiction_id,
});

/** The secret is returned once, here, and never again. */
export async function createApiKey(
  db: Db,
  input: NewApiKey,
): Promise<{ key: ApiKey; secret: string }> {
  const secret = generateSecret('api_key');
  const row = {
    id: randomUUID(),
    name: input.name,
    secret_hash: hashSecret(secret),
    rate_limit_per_minute: input.rate_limit_per_minute,
    trusted: toFlag(input.trusted),
    created_at: Date.now(),
    revoked_at: null,
    client: input.client ?? null,
    public: toFlag(input.public ?? false),
    jurisdiction_id: input.jurisdiction_id ?? null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { key: toApiKey(row), secret };
}

/** The active key with this secret; revoked keys are not found. */
export async function findApiKey(db: Db, secret: string): Promise<ApiKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toApiKey(row);
}

export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toApiKey);
}

/** True when the key exists (revoking twice keeps the first revocation time). */
export function revokeApiKey(db: Db, id: string): Promise<boolean> {
  return revokeRow(db, 'api_keys', id);
}
