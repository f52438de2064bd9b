/**
 * `o311 validate URL`: runs the Open311 GeoReport v2 conformance checks of
 * @o311/validator against any endpoint (a discovery document URL or a
 * GeoReport base URL) and prints the report on stdout, or writes it to --out.
 * A progress bar is drawn on stderr when stderr is a terminal.
 *
 * Exit codes: 0 when no check of severity `error` fails; 1 when one does, an
 * unreachable target included (its connectivity check fails, and the report
 * says why); 2 for usage errors (a bad URL, --write without --api-key, a
 * private or loopback target without --allow-private).
 */
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { createTransport, NetworkError, type Transport } from '@o311/client';
import type { ReportFormat, ValidationReport, ValidateOptions } from '@o311/validator';
import { CliError, UsageError, describeError } from '../errors.js';
import { createProgress, type Progress } from '../import/progress.js';
import { println, type CliIo } from '../io.js';
import { integerIn, pointArg } from './options.js';

/** The validator's REPORT_FORMATS, restated so that `o311 --help` does not load the validator. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'html'];
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface ValidateCommandOptions {
  write: boolean;
  apiKey?: string;
  jurisdiction?: string;
  location?: { lat: number; long: number };
  format: ReportFormat;
  out?: string;
  allowPrivate: boolean;
  timeout: number;
}

/** The target as typed, checked for being an http(s) URL. */
export function targetUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`'${value}' is not a URL; expected e.g. https://311.example.org/open311/discovery.json`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the URL must start with http:// or https://, got '${value}'`);
  }
  return url.toString();
}

/** The options of `validate()` from the command line. */
export function validateOptionsOf(url: string, o: ValidateCommandOptions): ValidateOptions {
  const apiKey = o.apiKey?.trim() || undefined;
  if (o.write && apiKey === undefined) {
    throw new UsageError('--write POSTs test requests and needs an API key: add --api-key KEY');
  }
  return {
    url: targetUrl(url),
    write: o.write,
    apiKey,
    jurisdictionId: o.jurisdiction?.trim() || undefined,
    ...(o.location !== undefined && { location: o.location }),
    allowPrivate: o.allowPrivate,
    timeoutMs: o.timeout,
  };
}

/** A bar on a terminal; nothing otherwise (the report is the output). */
function progressOf(io: CliIo): Pick<ValidateOptions, 'onProgress'> & { stop(): void } {
  if (!io.ttyStderr) return { stop: () => undefined };
  const progress: Progress = createProgress(io, { words: { label: 'validating', unit: 'checks' } });
  let started = false;
  return {
    onProgress(done, total) {
      if (!started) progress.start(total);
      started = true;
      progress.update(done, done);
    },
    stop: () => {
      if (started) progress.stop();
    },
  };
}

/**
 * The client's transport, noting the targets it refused as private (loopback,
 * RFC 1918, link-local…): a refused target is a usage error, not a failed check.
 */
function refusalWatch(options: ValidateOptions): { transport: Transport; refused(host: string): NetworkError | undefined } {
  const base = createTransport({ allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs });
  const refusals: NetworkError[] = [];
  return {
    async transport(request, transportOptions) {
      try {
        return await base(request, transportOptions);
      } catch (e) {
        if (e instanceof NetworkError && e.kind === 'private-address') refusals.push(e);
        throw e;
      }
    },
    refused: (host) => refusals.find((e) => URL.canParse(e.url) && new URL(e.url).host === host),
  };
}

export const summaryLine = (r: ValidationReport): string => {
  const { errors, warnings, info, passed, skipped } = r.summary;
  return `${errors} error(s), ${warnings} warning(s), ${info} info; ${passed} passed, ${skipped} skipped`;
};

/** Runs the checks; returns the report (the caller decides the exit code). */
export async function runValidate(io: CliIo, url: string, o: ValidateCommandOptions): Promise<ValidationReport> {
  const options = validateOptionsOf(url, o);
  // Loaded here, not at start-up: the other commands do not need the validator.
  const { validate, formatReport, ValidatorUsageError } = await import('@o311/validator');
  const progress = progressOf(io);
  const watch = refusalWatch(options);
  let report: ValidationReport;
  try {
    report = await validate({ ...options, transport: watch.transport, onProgress: progress.onProgress });
  } catch (e) {
    if (e instanceof ValidatorUsageError) throw new UsageError(describeError(e));
    throw new CliError(`the validator failed: ${describeError(e)}`, { exitCode: 2, cause: e });
  } finally {
    progress.stop();
  }
  const host = new URL(options.url).host;
  if (watch.refused(host) !== undefined) {
    throw new UsageError(`refusing to validate ${host}: it is a loopback, private or link-local address; add --allow-private to check a local or intranet server`);
  }
  const text = formatReport(report, o.format);
  if (o.out === undefined) {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  } else {
    try {
      await writeFile(o.out, text);
    } catch (e) {
      throw new CliError(`cannot write the report to ${o.out}: ${describeError(e)}`, { exitCode: 2, cause: e });
    }
    println(io.stdout, `wrote the ${o.format} report to ${o.out}: ${summaryLine(report)}`);
  }
  return report;
}

export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .description('check any Open311 GeoReport v2 endpoint against the spec (exit 0: no error-level failure, 1: failures, 2: usage)')
    .argument('<url>', 'discovery document URL (…/discovery.json) or GeoReport v2 base URL')
    .option('--write', 'also POST test requests (needs --api-key; creates real requests on the target)', false)
    .option('--api-key <key>', 'API key for --write')
    .option('--jurisdiction <id>', 'jurisdiction_id to send with every call')
    .addOption(new Option('--location <lat,long>', 'lat and long to send with the service and request lists (an endpoint whose lists depend on where, e.g. a federation)').argParser(pointArg))
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('--out <file>', 'write the report to FILE instead of stdout')
    .option('--allow-private', 'allow loopback, private and link-local targets (e.g. a local server)', false)
    .addOption(new Option('--timeout <ms>', 'timeout of each HTTP call in milliseconds').argParser(integerIn(1, 600_000)).default(DEFAULT_TIMEOUT_MS))
    .action(async (url: string, o: ValidateCommandOptions) => {
      const report = await runValidate(io, url, o);
      if (report.summary.errors > 0) {
        throw new CliError(`${report.summary.errors} error-level check(s) failed (${summaryLine(report)})`);
      }
    });
}
