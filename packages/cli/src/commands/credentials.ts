/**
 * The `list` and `revoke` subcommands shared by `o311 keys` and `o311 tokens`:
 * both manage named secrets, listed without the secret and revoked by id.
 * Each command keeps its own wording.
 */
import type { Command } from 'commander';
import type { Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, type DatabaseOptions } from './options.js';

export interface Credential {
  id: string;
  revoked_at: number | null;
}

export interface CredentialCommands<C extends Credential> {
  list(store: Store): Promise<C[]>;
  revoke(store: Store, id: string): Promise<unknown>;
  table(list: readonly C[]): string;
  listDescription: string;
  /** Printed by `list` instead of an empty table. */
  empty: string;
  revokeDescription: string;
  /** Help for the `<id>` argument of `revoke`. */
  idDescription: string;
  notFound(id: string): string;
  /**
   * What `revoke` prints, given the credential as it was found: `revoked_at`
   * is set only when it had been revoked before (revoking twice is no error).
   */
  revoked(found: C): string;
}

export function addListAndRevokeCommands<C extends Credential>(parent: Command, io: CliIo, c: CredentialCommands<C>): void {
  addDatabaseOption(
    parent.command('list').description(c.listDescription),
  ).action(async (o: DatabaseOptions) => {
    const list = await withDatabase(resolveDatabaseUrl(o.database, io.env), c.list);
    println(io.stdout, list.length === 0 ? c.empty : c.table(list));
  });

  addDatabaseOption(
    parent.command('revoke').description(c.revokeDescription).argument('<id>', c.idDescription),
  ).action(async (id: string, o: DatabaseOptions) => {
    const credential = await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
      const found = (await c.list(store)).find((x) => x.id === id);
      if (!found) throw new CliError(c.notFound(id));
      if (found.revoked_at === null) await c.revoke(store, id);
      return found;
    });
    println(io.stdout, c.revoked(credential));
  });
}
