/**
 * `o311 mail ingest FILE.eml`: hands one raw message to the e-mail intake as
 * if it had arrived by SMTP for the recipients its To/Cc/Delivered-To headers
 * name (a reply's plus address included), else for the intake address (an operator's path, and
 * the tests' path without SMTP). Prints the verdict as one JSON line; a
 * receipt is queued for the running server to mail.
 */
import { readFile, stat } from 'node:fs/promises';
import { Command } from 'commander';
import type { ServiceContext } from '@o311/server';
import { resolveDatabaseUrl, openDatabase } from '../database.js';
import { CliError, UsageError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, type DatabaseOptions } from './options.js';
import { intakeAddresses } from './intake-options.js';

interface IngestOptions extends DatabaseOptions {
  intakeAddress: string[];
  jurisdiction?: string;
  from?: string;
}

async function ingestFile(io: CliIo, file: string, o: IngestOptions): Promise<void> {
  const { buildApp, startJobQueue } = await import('@o311/server');
  const { ingestMail, DEFAULT_MAIL_LIMITS } = await import('@o311/email-intake');
  const found = await stat(file).catch(() => undefined);
  if (found === undefined) throw new UsageError(`cannot read ${file}`);
  if (!found.isFile()) throw new UsageError(`${file} is not a file`);
  if (found.size > DEFAULT_MAIL_LIMITS.maxMessageBytes) throw new CliError(`${file} is over the ${DEFAULT_MAIL_LIMITS.maxMessageBytes} bytes a message may have`);
  const url = resolveDatabaseUrl(o.database, io.env);
  const store = await openDatabase(url);
  const jobs = await startJobQueue(url);
  try {
    const addresses = await intakeAddresses(store, o.intakeAddress, o.jurisdiction);
    let services: ServiceContext | undefined;
    // The HTTP stack is built for its services only: nothing listens, and no job is run here.
    const app = await buildApp({ store, jobs, monitorOnly: true, plugins: [async (_app, ctx) => void (services = ctx)] });
    try {
      await app.ready();
      const result = await ingestMail({ services: services!, addresses, limits: DEFAULT_MAIL_LIMITS }, await readFile(file), {
        mailFrom: o.from, rcptTo: [], handedInFor: addresses[0]!.address,
      });
      println(io.stdout, JSON.stringify(result));
    } finally {
      await app.close();
    }
  } finally {
    await jobs.stop().catch(() => undefined);
    await store.close();
  }
}

export function mailCommand(io: CliIo): Command {
  const mail = new Command('mail').description('the e-mail intake: reports sent by e-mail to the city');
  addDatabaseOption(
    mail.command('ingest')
      .description('file one raw message (.eml) as if it had arrived for the intake address; prints the verdict as JSON')
      .argument('<file>', 'the message, as RFC 5322 bytes')
      .requiredOption('--intake-address <address...>', "the city's intake address(es), ADDRESS or ADDRESS=JURISDICTION")
      .option('--jurisdiction <id>', 'the jurisdiction of a bare ADDRESS (default: the primary one)')
      .option('--from <address>', 'the envelope sender (default: unknown; the From header counts)'),
  ).action((file: string, o: IngestOptions) => ingestFile(io, file, o));
  return mail;
}
