import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatch } from './write-batch.js';

describe('WriteBatch (a file in WAL mode, read from a second connection)', () => {
  let dir: string;
  let writer: BetterSqlite3.Database;
  let reader: BetterSqlite3.Database;
  let batch: WriteBatch;
  const count = (): number => reader.prepare<[], number>('select count(*) from t').pluck().get() ?? 0;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'o311-write-batch-'));
    writer = new BetterSqlite3(join(dir, 'db.sqlite'));
    writer.pragma('journal_mode = WAL');
    writer.exec('create table t (n integer primary key)');
    reader = new BetterSqlite3(join(dir, 'db.sqlite'));
    batch = new WriteBatch(writer);
  });
  afterEach(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (n: number) => () => writer.prepare('insert into t (n) values (?)').run(n).changes;

  it('commits the writes of one turn together: none is visible to another connection before all are done', async () => {
    const seenByOthers: number[] = [];
    const writes = Array.from({ length: 20 }, (_, n) =>
      batch.run(() => {
        seenByOthers.push(count());
        return insert(n)();
      }),
    );
    expect(await Promise.all(writes)).toEqual(Array(20).fill(1));
    expect(seenByOthers).toEqual(Array(20).fill(0));
    expect(count()).toBe(20);
  });

  it('fails a failing write alone: its statement is undone, the others commit', async () => {
    const settled = await Promise.allSettled([
      batch.run(insert(1)),
      batch.run(() => {
        insert(2)();
        return insert(1)(); // primary key taken: this write, both of its inserts, is undone
      }),
      batch.run(insert(3)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(reader.prepare('select n from t order by n').pluck().all()).toEqual([1, 3]);
  });

  it('commits the waiting writes on flush(), before the turn ends', async () => {
    const write = batch.run(insert(7));
    batch.flush();
    expect(count()).toBe(1);
    await expect(write).resolves.toBe(1);
  });

  it('commits the first 256 writes of a longer turn before the next ones start, and answers each', async () => {
    let seenBy257th = -1;
    const writes = Array.from({ length: 600 }, (_, n) =>
      batch.run(() => {
        if (n === 256) seenBy257th = count();
        return insert(n)();
      }),
    );
    await Promise.all(writes);
    expect(seenBy257th).toBe(256);
    expect(count()).toBe(600);
  });
});
