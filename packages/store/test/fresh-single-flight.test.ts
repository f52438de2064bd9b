/**
 * The rule of the shared data-version read: concurrent callers share reads,
 * yet no caller gets a value read before it called. Each read here takes the
 * "database" value when it starts and answers when the test lets it.
 */
import { describe, expect, it } from 'vitest';
import { freshSingleFlight } from '../src/fresh-single-flight.js';

function fakeDatabase() {
  let committed = 0;
  const reads: { value: number; finish: () => void; fail: (e: Error) => void }[] = [];
  const read = freshSingleFlight(
    () =>
      new Promise<number>((resolve, reject) => {
        const value = committed; // the snapshot: taken as the read starts
        reads.push({ value, finish: () => resolve(value), fail: reject });
      }),
  );
  return {
    read,
    reads,
    commit: () => void committed++,
  };
}

/** Lets every pending promise reaction run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('freshSingleFlight', () => {
  it('gives a caller that arrives after a commit the committed value, though a read from before is in flight', async () => {
    const db = fakeDatabase();
    const before = db.read();
    db.commit();
    const after = db.read();
    await settle();
    expect(db.reads).toHaveLength(1); // the second read waits for the first to end
    db.reads[0]!.finish();
    await expect(before).resolves.toBe(0);
    await settle();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.finish();
    await expect(after).resolves.toBe(1);
  });

  it('serves every caller arriving during a read with one next read, started after all of them', async () => {
    const db = fakeDatabase();
    const first = db.read();
    const waiting = [db.read(), db.read()];
    db.commit();
    waiting.push(db.read(), db.read());
    db.reads[0]!.finish();
    await first;
    await settle();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.finish();
    expect(await Promise.all(waiting)).toEqual([1, 1, 1, 1]);
  });

  it('has at most one read running and one waiting', async () => {
    const db = fakeDatabase();
    const all = Array.from({ length: 50 }, () => db.read());
    await settle();
    expect(db.reads).toHaveLength(1);
    db.reads[0]!.finish();
    await settle();
    expect(db.reads).toHaveLength(2);
    const late = Array.from({ length: 50 }, () => db.read());
    db.reads[1]!.finish();
    await settle();
    expect(db.reads).toHaveLength(3);
    db.reads[2]!.finish();
    await Promise.all([...all, ...late]);
    expect(db.reads).toHaveLength(3);
  });

  it('starts afresh once idle: a lone caller never waits for an earlier read', async () => {
    const db = fakeDatabase();
    const one = db.read();
    db.reads[0]!.finish();
    await one;
    await settle();
    db.commit();
    const two = db.read();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.finish();
    await expect(two).resolves.toBe(1);
  });

  it('fails the callers of a failed read only; the next read runs as usual', async () => {
    const db = fakeDatabase();
    const failed = db.read();
    const next = db.read();
    db.reads[0]!.fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await settle();
    db.reads[1]!.finish();
    await expect(next).resolves.toBe(0);
  });
});
