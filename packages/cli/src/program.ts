/**
 * The `o311` command line: commander wiring and the one place where failures
 * become a single stderr line and an exit code (1 = failure, 2 = usage).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { boundariesCommand } from './commands/boundaries.js';
import { discoveryCommand } from './commands/discovery.js';
import { discoverCommand } from './commands/discover.js';
import { exportCommand } from './commands/export.js';
import { gazetteerCommand } from './commands/gazetteer.js';
import { importCommand } from './commands/import.js';
import { keysCommand } from './commands/keys.js';
import { mailCommand } from './commands/mail.js';
import { monitorCommand } from './commands/monitor.js';
import { serveCommand } from './commands/serve.js';
import { tokensCommand } from './commands/tokens.js';
import { validateCommand } from './commands/validate.js';
import { CliError, describeError, oneLine } from './errors.js';
import { println, type CliIo } from './io.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Every command of the program, writing to `io`; commander errors are thrown, not printed. */
export function createProgram(io: CliIo): Command {
  const program = new Command('o311')
    .description('Open311 GeoReport v2 server and tools')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nDatabase: --database URL, else $O311_DATABASE_URL, else sqlite:./data/o311.sqlite')
    .addCommand(serveCommand(io))
    .addCommand(keysCommand(io))
    .addCommand(tokensCommand(io))
    .addCommand(importCommand(io))
    .addCommand(exportCommand(io))
    .addCommand(boundariesCommand(io))
    .addCommand(gazetteerCommand(io))
    .addCommand(discoveryCommand(io))
    .addCommand(validateCommand(io))
    .addCommand(discoverCommand(io))
    .addCommand(monitorCommand(io))
    .addCommand(mailCommand(io));
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Printed once, by runCli, on one line.
      outputError: () => undefined,
    });
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Runs one command line (without `node o311`) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      // `o311` or `o311 keys` alone: commander printed the help on stderr.
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return 2;
      println(io.stderr, `${oneLine(e.message).replace(/^error:\s*/i, 'error: ')} (see --help)`);
      return 2;
    }
    if (e instanceof CliError) {
      println(io.stderr, `error: ${oneLine(e.message)}`);
      if (io.env.O311_DEBUG && e.cause instanceof Error && e.cause.stack) io.stderr.write(`${e.cause.stack}\n`);
      return e.exitCode;
    }
    println(io.stderr, `error: ${describeError(e)}`);
    if (io.env.O311_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
