/**
 * `o311 tokens create|list|revoke`: bearer tokens for the staff API (/api/v1).
 * The secret is printed once, as the last line of `create`. A token works on
 * the jurisdictions given with `--jurisdiction` (repeatable); without it, an
 * admin token is global and any other works on the primary jurisdiction.
 */
import { Command, Option } from 'commander';
import type { JurisdictionScope, StaffRole, StaffToken, Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { UsageError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { formatTimestamp, renderTable } from '../table.js';
import { addListAndRevokeCommands } from './credentials.js';
import { addDatabaseOption, nameArg, type DatabaseOptions } from './options.js';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'agent', 'viewer'];

export async function createToken(
  store: Store,
  input: { name: string; role: StaffRole; jurisdictions?: readonly string[] },
): Promise<{ token: StaffToken; secret: string }> {
  const ids = input.jurisdictions ?? [];
  const known = new Set((await store.listJurisdictions()).map((j) => j.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`--jurisdiction: no jurisdiction ${unknown.map((id) => `'${id}'`).join(', ')} (known: ${[...known].join(', ') || 'none yet'})`);
  }
  return store.createStaffToken({ name: input.name, role: input.role, ...(ids.length > 0 ? { jurisdictions: ids } : {}) });
}

const scopeText = (scope: JurisdictionScope): string => (scope === 'global' ? 'all' : scope.join(' '));

export function tokensTable(tokens: readonly StaffToken[]): string {
  return renderTable(
    ['ID', 'NAME', 'ROLE', 'JURISDICTIONS', 'CREATED', 'REVOKED'],
    tokens.map((t) => [t.id, t.name, t.role, scopeText(t.jurisdictions), formatTimestamp(t.created_at), formatTimestamp(t.revoked_at)]),
  );
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function tokensCommand(io: CliIo): Command {
  const tokens = new Command('tokens').description('manage bearer tokens for the staff API');

  addDatabaseOption(
    tokens.command('create')
      .description('create a staff token; prints the token as the last line')
      .requiredOption('--name <name>', 'who or what uses the token', nameArg)
      .addOption(new Option('--role <role>', 'admin: everything; agent: work on requests; viewer: read only').choices(STAFF_ROLES).makeOptionMandatory())
      .option('--jurisdiction <id>', 'a jurisdiction the token works on (repeat for several; default: all for an admin, else the primary one)', collect),
  ).action(async (o: DatabaseOptions & { name: string; role: StaffRole; jurisdiction?: string[] }) => {
    const { token, secret } = await withDatabase(resolveDatabaseUrl(o.database, io.env), (store) =>
      createToken(store, { name: o.name, role: o.role, jurisdictions: o.jurisdiction }));
    println(io.stdout, `created ${token.role} token ${token.id} for "${token.name}" (jurisdictions: ${scopeText(token.jurisdictions)})`);
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
