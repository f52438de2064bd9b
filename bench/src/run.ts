/**
 * `npm run bench`: the four figures of the server foundation, each beside a
 * baseline measured in the same run, written to bench/results.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@o311/store';
import { seedDemoCity } from '@o311/demo';
import type { Attribute } from '@o311/georeport';
import { measureClientReading } from './client-read.js';
import { writeRequestsCsv } from './dataset.js';
import { load, type LoadResult } from './load.js';
import { run, start, stop, rssMegabytes } from './processes.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const cli = join(root, 'packages', 'cli', 'bin', 'o311.js');
const baselineServer = join(root, 'bench', 'dist', 'baseline.js');
const databaseUrl = `sqlite:${join(tmp, 'bench.sqlite')}`;

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

function answerFor(a: Attribute): string {
  if (a.datatype === 'number') return '1';
  if (a.datatype === 'datetime') return new Date().toISOString();
  if (a.values?.[0]) return a.values[0].key;
  return 'bench';
}

async function prepare(): Promise<{ jurisdiction: string; codes: string[]; postBody: (key: string) => string }> {
  const store = await openStore(databaseUrl);
  try {
    await store.migrate();
    const { jurisdiction_id } = await seedDemoCity(store, { requests: 0 });
    const services = await store.listServices(jurisdiction_id);
    const realtime = services.find((s) => s.type === 'realtime');
    if (!realtime) throw new Error('the demo city has no realtime service');
    const answers = realtime.attributes
      .filter((a) => a.variable && a.required)
      .map((a) => `attribute%5B${encodeURIComponent(a.code)}%5D=${encodeURIComponent(answerFor(a))}`);
    return {
      jurisdiction: jurisdiction_id,
      codes: services.map((s) => s.service_code),
      postBody: (key) =>
        [`api_key=${key}`, `service_code=${encodeURIComponent(realtime.service_code)}`, 'lat=41.88', 'long=-87.63',
          'description=Benchmark+request', 'email=bench%40example.org', ...answers].join('&'),
    };
  } finally {
    await store.close();
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (a: number, b: number) => `${fmt((100 * a) / b, 1)} %`;

async function main(): Promise<void> {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const now = Date.now();

  log('seeding the demo city services');
  const city = await prepare();

  const csv = join(tmp, 'requests.csv');
  log(`writing ${fmt(ROWS)} requests to CSV`);
  await writeRequestsCsv(csv, { rows: ROWS, serviceCodes: city.codes, center: { lat: 41.88, long: -87.63 }, days: 80, now });

  log('baseline: the same import without storing (--dry-run)');
  const dryRun = await run('node', [cli, 'import', csv, '--dry-run', '--database', databaseUrl, '--jurisdiction', city.jurisdiction]);
  const csvRate = ROWS / dryRun.seconds;
  log(`importing ${fmt(ROWS)} requests`);
  const imported = await run('node', [cli, 'import', csv, '--database', databaseUrl, '--jurisdiction', city.jurisdiction]);
  const importRate = ROWS / imported.seconds;

  const key = (await run('node', [cli, 'keys', 'create', '--name', 'bench', '--rate-limit', '0', '--database', databaseUrl]))
    .stdout.trim().split('\n').at(-1) ?? '';

  const port = await freePort();
  log('starting the server');
  const server = await start('node', [cli, 'serve', '--database', databaseUrl, '--port', String(port)], /open311\/v2/);
  const base = `http://127.0.0.1:${port}/open311/v2`;
  const rssIdle = rssMegabytes(server.child.pid!);

  const url = `${base}/requests.json`;
  const sample = await fetch(url);
  const bytes = Buffer.from(await sample.arrayBuffer());
  const count = (JSON.parse(bytes.toString()) as unknown[]).length;
  const sampleFile = join(tmp, 'requests.json');
  writeFileSync(sampleFile, bytes);
  const baseline = await start('node', [baselineServer, sampleFile, 'application/json; charset=utf-8'], /^(\d+)$/);
  const baseUrl = `http://127.0.0.1:${baseline.match[1]}/`;
  const rssBare = rssMegabytes(baseline.child.pid!);

  log('GET requests.json: warm-up, then bare node:http and o311 in turn');
  await load({ url, connections: CONNECTIONS, seconds: 2 });
  await load({ url: baseUrl, connections: CONNECTIONS, seconds: 2 });
  const bare1 = await load({ url: baseUrl, connections: CONNECTIONS, seconds: SECONDS });
  const get = await load({ url, connections: CONNECTIONS, seconds: SECONDS });
  const bare2 = await load({ url: baseUrl, connections: CONNECTIONS, seconds: SECONDS });
  const bareGet = (bare1.requestsPerSecond + bare2.requestsPerSecond) / 2;

  log('GET requests.json with the response cache off: every answer queried and encoded');
  const uncachedPort = await freePort();
  const uncachedServer = await start(
    'node', [cli, 'serve', '--database', databaseUrl, '--port', String(uncachedPort), '--read-cache', '0'], /open311\/v2/,
  );
  const uncachedUrl = `http://127.0.0.1:${uncachedPort}/open311/v2/requests.json`;
  await load({ url: uncachedUrl, connections: CONNECTIONS, seconds: 2 });
  const uncached = await load({ url: uncachedUrl, connections: CONNECTIONS, seconds: SECONDS });
  await stop(uncachedServer.child);

  log('POST requests.json (durable, realtime): warm-up, bare node:http answering POSTs, then o311');
  const body = city.postBody(key);
  const postHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  await load({ url: `${base}/requests.json`, connections: CONNECTIONS, seconds: 2, method: 'POST', headers: postHeaders, body });
  const barePost = await load({ url: baseUrl, connections: CONNECTIONS, seconds: SECONDS, method: 'POST', headers: postHeaders, body });
  const post = await load({ url: `${base}/requests.json`, connections: CONNECTIONS, seconds: SECONDS, method: 'POST', headers: postHeaders, body });
  const rssLoaded = rssMegabytes(server.child.pid!);

  await stop(baseline.child);
  await stop(server.child);

  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${fmt(r.total)} | ${r.non2xx + r.errors} |`;
  const cpu = cpus();
  log('client: reading 1,000 requests');
  const reading = measureClientReading();
  const readRows = reading
    .map((r) => `| \`readRequests\` of ${fmt(r.count)} requests, ${r.format.toUpperCase()} | ${fmt(r.readMs, 1)} ms | ${r.format === 'json' ? 'JSON.parse' : 'fast-xml-parser'} of the same body: ${fmt(r.parseMs, 1)} ms | ${fmt(r.readMs / r.parseMs, 1)} × | |`)
    .join('\n');
  const report = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Database: SQLite (WAL, synchronous=FULL), ${fmt(ROWS)} imported requests (+ the demo city's services).
Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run (after a 2 s warm-up), client and servers on the same machine.
The GET figure is what clients see: repeated reads are answered from the response cache, which is checked
against the store's data version on every request (a write makes the next GET query afresh). The cache-off
row shows the cost of querying 1,000 rows and encoding them on every request.
These machines are noisy: compare the ratios, which are measured in the same run, more than the absolute figures.

## Summary
| figure | o311 | baseline (same run) | ratio | goal |
|---|---|---|---|---|
| GET requests.json (page of ${fmt(count)}), req/s | ${fmt(get.requestsPerSecond)} | bare node:http, same bytes from memory: ${fmt(bareGet)} | ${pct(get.requestsPerSecond, bareGet)} | ≥ 40 % |
| GET requests.json p99 | ${fmt(get.p99Ms, 1)} ms | ${fmt(Math.max(bare1.p99Ms, bare2.p99Ms), 1)} ms | | |
| the same GET with the response cache off (\`--read-cache 0\`), req/s | ${fmt(uncached.requestsPerSecond)} (p99 ${fmt(uncached.p99Ms, 1)} ms) | bare node:http: ${fmt(bareGet)} | ${pct(uncached.requestsPerSecond, bareGet)} | |
| durable POST requests.json, req/s | ${fmt(post.requestsPerSecond)} | bare node:http answering POSTs: ${fmt(barePost.requestsPerSecond)} | ${pct(post.requestsPerSecond, barePost.requestsPerSecond)} | ≥ 2,000/s |
| durable POST p99 | ${fmt(post.p99Ms, 1)} ms | ${fmt(barePost.p99Ms, 1)} ms | | < 20 ms |
| \`o311 import\` of ${fmt(ROWS)} requests, rows/s | ${fmt(importRate)} (${fmt(imported.seconds, 1)} s) | the same command with \`--dry-run\` (read and check, no writes): ${fmt(csvRate)} | ${pct(importRate, csvRate)} | ≥ 100,000/s |
| server RSS with ${fmt(ROWS)} requests stored | ${fmt(rssIdle)} MB idle, ${fmt(rssLoaded)} MB after the load | bare node:http process: ${fmt(rssBare)} MB | ${fmt(rssLoaded / rssBare, 1)} × | < 200 MB |
${readRows}

## Runs
| run | req/s | p50 ms | p99 ms | requests | errors or non-2xx |
|---|---|---|---|---|---|
${row('bare node:http GET (before)', bare1)}
${row('o311 GET requests.json', get)}
${row('o311 GET requests.json, cache off', uncached)}
${row('bare node:http GET (after)', bare2)}
${row('bare node:http POST', barePost)}
${row('o311 POST requests.json', post)}
`;
  writeFileSync(join(root, 'bench', 'results.md'), report);
  process.stdout.write(report);
  if (get.non2xx + post.non2xx + get.errors + post.errors > 0) {
    log('some benchmark requests failed; see the errors column');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
