/** Entry of the `o311` executable (bin/o311.js imports the compiled form of this file). */
import { limitHeapGrowth } from './heap-growth.js';
import { processIo } from './io.js';
import { runCli } from './program.js';

limitHeapGrowth();
const io = processIo();

// Anything that escapes the commands still ends as one line, not a stack trace.
const crash = (e: unknown): void => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.O311_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
};
process.on('uncaughtException', crash);
// `o311 keys list | head -1`: a reader that goes away is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  crash(e);
});
process.on('unhandledRejection', crash);

const code = await runCli(process.argv.slice(2), io);
process.exitCode = code;
// Open handles (a pool that lingers, a timer) must not keep a finished command alive.
setTimeout(() => process.exit(code), 2000).unref();
