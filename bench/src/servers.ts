/** The servers a benchmark loads: `o311 serve` and the bare node:http baseline, each its own process. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { start } from './processes.js';

export interface Running {
  child: ChildProcess;
  /** `http://127.0.0.1:port` */
  origin: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * `o311 serve` on a free port, once it says it listens. Without a limit of
 * requests per connection, as the baseline: past it Node answers 503 on a
 * connection that autocannon keeps using (a browser would reconnect).
 */
export async function serve(cli: string, databaseUrl: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const args = [cli, 'serve', '--database', databaseUrl, '--port', String(port), '--max-requests-per-socket', '0', ...extra];
  const { child } = await start('node', args, /open311\/v2/, env);
  return { child, origin: `http://127.0.0.1:${port}` };
}

/** bare node:http answering every request with the bytes of `file`. */
export async function bare(baselineServer: string, file: string, contentType: string): Promise<Running> {
  const { child, match } = await start('node', [baselineServer, file, contentType], /^(\d+)$/);
  return { child, origin: `http://127.0.0.1:${match[1]}` };
}
