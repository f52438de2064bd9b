/**
 * `o311 tokens create|list|revoke`: bearer tokens for the staff API (/api/v1).
 * The secret is printed once, as the last line of `create`.
 */
import { Command, Option } from 'commander';
import type { StaffRole, StaffToken, Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { println, type CliIo } from '../io.js';
import { formatTimestamp, renderTable } from '../table.js';
import { addListAndRevokeCommands } from './credentials.js';
import { addDatabaseOption, nameArg, type DatabaseOptions } from './options.js';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'agent', 'viewer'];

export async function createToken(store: Store, input: { name: string; role: StaffRole }): Promise<{ token: StaffToken; secret: string }> {
  return store.createStaffToken(input);
}

export function tokensTable(tokens: readonly StaffToken[]): string {
  return renderTable(
    ['ID', 'NAME', 'ROLE', 'CREATED', 'REVOKED'],
    tokens.map((t) => [t.id, t.name, t.role, formatTimestamp(t.created_at), formatTimestamp(t.revoked_at)]),
  );
}

export function tokensCommand(io: CliIo): Command {
  const tokens = new Command('tokens').description('manage bearer tokens for the staff API');

  addDatabaseOption(
    tokens.command('create')
      .description('create a staff token; prints the token as the last line')
      .requiredOption('--name <name>', 'who or what uses the token', nameArg)
      .addOption(new Option('--role <role>', 'admin: everything; agent: work on requests; viewer: read only').choices(STAFF_ROLES).makeOptionMandatory()),
  ).action(async (o: DatabaseOptions & { name: string; role: StaffRole }) => {
    const { token, secret } = await withDatabase(resolveDatabaseUrl(o.database, io.env), (store) =>
      createToken(store, { name: o.name, role: o.role }));
    println(io.stdout, `created ${token.role} token ${token.id} for "${token.name}"`);
    println(io.stdout, 'send it as `Authorization: Bearer <token>`; it is shown only this once:');
    println(io.stdout, secret);
  });

  addListAndRevokeCommands(tokens, io, {
    list: (store) => store.listStaffTokens(),
    revoke: (store, id) => store.revokeStaffToken(id),
    table: tokensTable,
    listDescription: 'list staff tokens (secrets are never shown)',
    empty: 'no staff tokens yet; create one with `o311 tokens create --name NAME --role admin`',
    revokeDescription: 'revoke a staff token; it stops working at once',
    idDescription: 'token id, from `o311 tokens list`',
    notFound: (id) => `no staff token with id ${id}; see \`o311 tokens list\``,
    revoked: (token) => token.revoked_at !== null
      ? `token ${token.id} ("${token.name}") was already revoked on ${formatTimestamp(token.revoked_at)}`
      : `revoked ${token.role} token ${token.id} ("${token.name}")`,
  });

  return tokens;
}
