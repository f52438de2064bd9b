/**
 * The foreign keys of imported rows, checked once per batch instead of once
 * per row. An imported row names its jurisdiction and leaves every other
 * reference of `requests` (key, department, assignee, duplicate) null, so
 * the only key to check is the jurisdiction, and a batch usually names one.
 * PostgreSQL checks a foreign key with a trigger per row (a query and a row
 * lock each time): more than half of the server's time in a COPY.
 *
 * When the role may set `session_replication_role` (a superuser, or on
 * PostgreSQL 15+ a role granted `SET ON PARAMETER session_replication_role`),
 * the batch's transaction sets it to `replica` with SET LOCAL, which skips
 * the triggers of that transaction only, and instead locks each of its
 * jurisdictions FOR KEY SHARE, as the per-row check would: a jurisdiction
 * deleted before refuses the batch, one deleted after waits for the commit
 * and is then refused by its own RESTRICT. The constraints stay in place and
 * enforced for every other transaction; the schema has no other triggers.
 * Without the right, the per-row checks run as before.
 */
import type pg from 'pg';
import type { ImportRowValues } from './adapter.js';

/** The refusal of a row whose jurisdiction does not exist, worded as PostgreSQL's own. */
export class MissingJurisdictionError extends Error {
  /** PostgreSQL's foreign_key_violation. */
  readonly code = '23503';

  constructor(readonly jurisdiction_id: string) {
    super(`insert or update on table "requests" violates foreign key constraint "requests_jurisdiction_id_fkey": no jurisdiction '${jurisdiction_id}'`);
    this.name = 'MissingJurisdictionError';
  }
}

/** Whether this connection's role may skip triggers with `session_replication_role`. */
export async function maySkipTriggers(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ superuser: boolean; version: number }>(
    `select current_setting('is_superuser') = 'on' as superuser, current_setting('server_version_num')::int as version`,
  );
  const { superuser, version } = rows[0]!;
  if (superuser) return true;
  // has_parameter_privilege (and GRANT SET ON PARAMETER) came with PostgreSQL 15.
  if (version < 150_000) return false;
  const granted = await client.query<{ may: boolean }>(`select has_parameter_privilege('session_replication_role', 'SET') as may`);
  return granted.rows[0]!.may;
}

/** The jurisdictions the rows name, each once. */
export function jurisdictionsOf(rows: readonly ImportRowValues[]): string[] {
  const ids = new Set<string>();
  // Rows of one import name one jurisdiction: compare with the last before hashing.
  let last: string | undefined;
  for (const row of rows) {
    if (row.jurisdiction_id !== last) ids.add((last = row.jurisdiction_id));
  }
  return [...ids];
}

/**
 * Inside the batch's transaction, before its rows: skips the per-row
 * triggers of this transaction and checks (and locks) the jurisdictions
 * instead. Throws MissingJurisdictionError for one that does not exist.
 */
export async function checkOncePerBatch(client: pg.ClientBase, jurisdictions: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    'select id from jurisdictions where id = any($1::text[]) for key share',
    [jurisdictions],
  );
  if (rows.length < jurisdictions.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new MissingJurisdictionError(jurisdictions.find((id) => !found.has(id))!);
  }
  await client.query('set local session_replication_role = replica');
}
