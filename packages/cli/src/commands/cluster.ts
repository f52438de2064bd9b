/**
 * `o311 serve --workers N` on node:cluster. The primary prepares the database
 * once (migrations, demo city, keys, sandbox), forks N workers that share the
 * port and serve, prints one banner when all of them listen, replaces a
 * worker that dies (waiting longer after each death in a short time), and on
 * SIGINT/SIGTERM asks every worker to stop gracefully, then stops itself.
 * A worker runs the same `serve` command; what the primary prepared reaches
 * it in its environment (HANDOFF_ENV), and it talks back over the IPC channel.
 */
import cluster, { type Worker } from 'node:cluster';
import type { SandboxConfig } from '@o311/server';
import { CliError } from '../errors.js';
import { println, type CliIo } from '../io.js';

/** What the primary prepared and every worker needs. */
export interface Handoff {
  sandbox: SandboxConfig | undefined;
  /** The jurisdiction the web apps serve, when chosen (`--jurisdiction`); else the primary one. */
  webJurisdiction: string | undefined;
}

/** The address links are built from, as the banner needs it (PublicOrigin's public part). */
export interface AnnouncedOrigin {
  announced: string;
  configured: boolean;
}

type ToPrimary = { o311: 'listening'; port: number; origin: AnnouncedOrigin };
type ToWorker = { o311: 'stop' };

const HANDOFF_ENV = 'O311_SERVE_HANDOFF';
/** Replacing a worker waits this long after one death, twice as long after each further one within RECENT_MS. */
const RESPAWN_BASE_MS = 250;
const RESPAWN_MAX_MS = 30_000;
const RECENT_MS = 60_000;
/** A worker still running this long after being asked to stop is killed. */
const STOP_GRACE_MS = 30_000;

export const MAX_WORKERS = 64;

/** The cluster worker's side; undefined in a process that is not one. */
export interface WorkerRole {
  handoff: Handoff;
  /** Resolves when the primary asks this worker to stop. */
  stopRequested: Promise<string>;
  listening(port: number, origin: AnnouncedOrigin): void;
}

export function workerRole(): WorkerRole | undefined {
  if (!cluster.isWorker) return undefined;
  const text = process.env[HANDOFF_ENV];
  if (text === undefined) throw new CliError(`a serve worker needs ${HANDOFF_ENV} from its primary`);
  const handoff = JSON.parse(text) as Handoff;
  const stopRequested = new Promise<string>((resolve) => {
    process.on('message', (m: ToWorker) => {
      if (m?.o311 === 'stop') resolve('stop requested by the primary');
    });
  });
  return {
    handoff,
    stopRequested,
    listening: (port, origin) => process.send?.({ o311: 'listening', port, origin } satisfies ToPrimary),
  };
}

export interface ClusterPlan {
  workers: number;
  /** Prepares the database once; returns the handoff and the banner to print once all listen. */
  prepare(): Promise<{ handoff: Handoff; banner(port: number, origin: AnnouncedOrigin, workers: string): Promise<void> } | undefined>;
  /** Resolves with the signal that asks the whole cluster to stop. */
  stop: Promise<string>;
}

/** Runs the primary until a signal stopped every worker. */
export async function superviseWorkers(io: CliIo, plan: ClusterPlan): Promise<void> {
  let stopping = false;
  void plan.stop.then(() => (stopping = true));
  const prepared = await plan.prepare();
  if (!prepared || stopping) {
    println(io.stdout, 'stopped');
    return;
  }
  const env = { [HANDOFF_ENV]: JSON.stringify(prepared.handoff) };
  const running = new Map<number, Worker>();
  /** Set once every worker listened: before, a death fails the start instead of being replaced. */
  let serving = false;
  const deaths: number[] = [];
  const respawns = new Set<NodeJS.Timeout>();

  const fork = (slot: number): Promise<ToPrimary> => {
    const worker = cluster.fork(env);
    running.set(slot, worker);
    return new Promise<ToPrimary>((resolve, reject) => {
      worker.on('message', (m: ToPrimary) => {
        if (m?.o311 !== 'listening') return;
        // A stop sent while the worker was still loading found no listener: send it again.
        if (stopping) worker.send({ o311: 'stop' } satisfies ToWorker, () => undefined);
        else if (serving) println(io.stdout, `worker ${slot} (pid ${worker.process.pid}) is serving`);
        resolve(m);
      });
      worker.once('exit', (code, signal) => {
        running.delete(slot);
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new CliError(`worker ${slot} (pid ${worker.process.pid}) stopped before it listened (${how})`));
        if (stopping || !serving) return;
        const now = Date.now();
        deaths.push(now);
        while (deaths.length > 0 && deaths[0]! < now - RECENT_MS) deaths.shift();
        const delay = Math.min(RESPAWN_MAX_MS, RESPAWN_BASE_MS * 2 ** (deaths.length - 1));
        println(io.stderr, `worker ${slot} (pid ${worker.process.pid}) died (${how}); starting another in ${(delay / 1000).toFixed(1)} s`);
        const timer = setTimeout(() => {
          respawns.delete(timer);
          if (!stopping) fork(slot).catch(() => undefined);
        }, delay);
        respawns.add(timer);
      });
    });
  };

  const stopAll = async (): Promise<void> => {
    stopping = true;
    for (const timer of respawns) clearTimeout(timer);
    const exits = [...running.values()].map((w) => new Promise<void>((resolve) => {
      if (w.isDead()) return resolve();
      w.once('exit', () => resolve());
      w.send({ o311: 'stop' } satisfies ToWorker, (e) => e && w.kill('SIGTERM'));
    }));
    const grace = setTimeout(() => {
      for (const w of running.values()) w.process.kill('SIGKILL');
    }, STOP_GRACE_MS);
    await Promise.all(exits);
    clearTimeout(grace);
  };

  let started: ToPrimary[] | undefined;
  try {
    // Start-up: one worker that cannot start (port taken, bad option) stops them all.
    const all = Promise.all(Array.from({ length: plan.workers }, (_, i) => fork(i + 1)));
    started = await Promise.race([all, plan.stop.then(() => undefined)]);
  } catch (e) {
    await stopAll();
    throw e;
  }
  serving = true;
  if (started?.[0]) {
    const pids = [...running.values()].map((w) => w.process.pid).join(', ');
    await prepared.banner(started[0].port, started[0].origin, `${plan.workers} (pids ${pids}; one that dies is replaced)`);
  }
  const signal = await plan.stop;
  println(io.stdout, `${signal}: stopping ${running.size} worker${running.size === 1 ? '' : 's'}`);
  await stopAll();
  println(io.stdout, 'stopped');
}
