// The consume context's after-commit hook, on the transaction helper the consumer host runs every
// batch in, against a real Postgres: a hook sees the committed rows from another connection, and a
// rolled-back transaction runs none.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { transactionWithHooks } from '#messaging';
import { testSystem } from '#testing';

const TABLE = 'intake.after_commit_probe';
let ds: DataSource;
let other: pg.Client;

beforeAll(async () => {
  const url = testSystem().services.intake.env.DATABASE_URL;
  ds = new DataSource({ type: 'postgres', url, entities: [], synchronize: false });
  await ds.initialize();
  other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id text PRIMARY KEY)`);
});

afterAll(async () => {
  await other?.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await other?.end();
  await ds?.destroy();
});

/** Whether another connection (a worker's) sees the row. */
async function seenElsewhere(id: string): Promise<boolean> {
  const { rows } = await other.query(`SELECT 1 FROM ${TABLE} WHERE id = $1`, [id]);
  return rows.length === 1;
}

describe('afterCommit', () => {
  it('runs the hook once the transaction committed: another connection already sees its rows', async () => {
    const seenByHook: boolean[] = [];
    let finished: () => void;
    const hookDone = new Promise<void>((r) => (finished = r));
    await transactionWithHooks(ds, async (manager, tx) => {
      await manager.query(`INSERT INTO ${TABLE} (id) VALUES ('committed')`);
      tx.afterCommit(async () => {
        seenByHook.push(await seenElsewhere('committed'));
        finished();
      });
      // inside the transaction the row is not yet visible to anyone else
      expect(await seenElsewhere('committed')).toBe(false);
    });
    await hookDone;
    expect(seenByHook).toEqual([true]);
  });

  it('runs no hook when the transaction rolls back', async () => {
    let ran = 0;
    await expect(
      transactionWithHooks(ds, async (manager, tx) => {
        await manager.query(`INSERT INTO ${TABLE} (id) VALUES ('rolled-back')`);
        tx.afterCommit(() => void ran++);
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await seenElsewhere('rolled-back')).toBe(false);
    expect(ran).toBe(0);
  });

  it('runs every hook in order even when one fails, and never undoes the commit', async () => {
    const order: string[] = [];
    await transactionWithHooks(ds, async (manager, tx) => {
      await manager.query(`INSERT INTO ${TABLE} (id) VALUES ('kept')`);
      tx.afterCommit(() => void order.push('first'));
      tx.afterCommit(() => {
        throw new Error('a hook failed');
      });
      tx.afterCommit(() => void order.push('third'));
    });
    expect(order).toEqual(['first', 'third']);
    expect(await seenElsewhere('kept')).toBe(true);
  });
});
