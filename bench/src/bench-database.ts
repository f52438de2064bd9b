/** The database a benchmark runs on: a fresh SQLite file, or a fresh PostgreSQL database `o311_bench`. */
import { join } from 'node:path';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

const POSTGRES_SERVER = process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';
/** Another name lets a second checkout's run (the code before a change) go on beside this one. */
export const POSTGRES_DATABASE = process.env.BENCH_POSTGRES_DATABASE ?? 'o311_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(POSTGRES_DATABASE)) throw new Error('BENCH_POSTGRES_DATABASE: lower-case letters, digits and _ only');

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates the database afresh (a previous run's is dropped) and returns its URL. */
export async function freshDatabase(engine: Engine, tmp: string): Promise<string> {
  if (engine === 'sqlite') return `sqlite:${join(tmp, 'bench.sqlite')}`;
  await onServer(`drop database if exists ${POSTGRES_DATABASE} with (force)`);
  await onServer(`create database ${POSTGRES_DATABASE}`);
  return `${POSTGRES_SERVER}/${POSTGRES_DATABASE}`;
}

export async function dropDatabase(engine: Engine): Promise<void> {
  if (engine === 'postgres') await onServer(`drop database if exists ${POSTGRES_DATABASE} with (force)`);
}

/** Runs one query on the bench database (PostgreSQL), for checks after a load. */
export async function queryBench<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/${POSTGRES_DATABASE}` });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
