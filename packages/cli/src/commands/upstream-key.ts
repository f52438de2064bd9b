/**
 * `o311 discovery upstream-key set|remove|status SLUG`: the API key a
 * registry endpoint gave this server, which the federated endpoint sends
 * when it delivers requests there. Sealed with O311_ROUTER_SECRET (the same
 * secret the servers run with) before it reaches the database; never printed.
 * The key is read from a file (`--key-file`), never from the command line,
 * where shell history and process lists would keep it.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CredentialBox, CredentialError, NO_SECRET_MESSAGE, ROUTER_SECRET_ENV } from '@o311/server';
import type { Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, describeError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, type DatabaseOptions } from './options.js';

/** A key file holds one key; anything this large is another file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

async function knownEndpoint(store: Store, slug: string): Promise<void> {
  if (!(await store.getEndpoint(slug))) throw new CliError(`no registry endpoint '${slug}'`);
}

async function readKeyFile(path: string): Promise<string> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_KEY_FILE_BYTES) throw new CliError(`${path} is larger than ${MAX_KEY_FILE_BYTES} bytes: not a key file`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read the key file: ${describeError(e)}`, { cause: e });
  }
  return text.trim();
}

function sealer(io: CliIo): CredentialBox {
  try {
    return new CredentialBox(io.env[ROUTER_SECRET_ENV]);
  } catch (e) {
    throw new CliError(e instanceof CredentialError ? e.message : NO_SECRET_MESSAGE, { cause: e });
  }
}

export function addUpstreamKeyCommands(parent: Command, io: CliIo): void {
  const key = parent.command('upstream-key').description("the API key a registry endpoint gave this server (sent by the federated endpoint's deliveries)");

  addDatabaseOption(
    key.command('set')
      .description(`seal the key in the file with ${ROUTER_SECRET_ENV} and store it for the endpoint (replacing any)`)
      .argument('<slug>', 'the registry endpoint')
      .requiredOption('--key-file <path>', 'a file holding the key (one line)'),
  ).action(async (slug: string, o: DatabaseOptions & { keyFile: string }) => {
    const box = sealer(io);
    const apiKey = await readKeyFile(o.keyFile);
    let sealed: string;
    try {
      sealed = box.seal(slug, apiKey);
    } catch (e) {
      throw new CliError(`the key file does not hold a key: ${describeError(e)}`, { cause: e });
    }
    await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
      await knownEndpoint(store, slug);
      await store.federation.setCredential(slug, sealed);
    });
    println(io.stdout, `stored the upstream API key of '${slug}' (sealed; it is never shown again)`);
  });

  addDatabaseOption(
    key.command('remove').description('forget the endpoint\'s upstream API key').argument('<slug>', 'the registry endpoint'),
  ).action(async (slug: string, o: DatabaseOptions) => {
    const removed = await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
      await knownEndpoint(store, slug);
      if ((await store.federation.credential(slug)) === undefined) return false;
      return store.federation.setCredential(slug, null);
    });
    println(io.stdout, removed ? `removed the upstream API key of '${slug}'` : `'${slug}' had no upstream API key`);
  });

  addDatabaseOption(
    key.command('status').description(`whether a key is set, and whether ${ROUTER_SECRET_ENV} opens it`).argument('<slug>', 'the registry endpoint'),
  ).action(async (slug: string, o: DatabaseOptions) => {
    const sealed = await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
      await knownEndpoint(store, slug);
      return store.federation.credential(slug);
    });
    if (sealed === undefined) {
      println(io.stdout, `'${slug}': no upstream API key set`);
      return;
    }
    const secret = io.env[ROUTER_SECRET_ENV];
    if (secret === undefined || secret === '') {
      println(io.stdout, `'${slug}': an upstream API key is set; ${ROUTER_SECRET_ENV} is not set here, so it was not checked`);
      return;
    }
    try {
      sealer(io).open(slug, sealed);
    } catch (e) {
      throw new CliError(`'${slug}': an upstream API key is set, but it does not open: ${describeError(e)}`, { cause: e });
    }
    println(io.stdout, `'${slug}': an upstream API key is set and opens with ${ROUTER_SECRET_ENV}`);
  });
}
