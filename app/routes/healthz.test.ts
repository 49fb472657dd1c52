import { describe, expect, it } from 'vitest';
import { sqliteTestDb, testDatabase } from '../../tests/helpers/db';
import { closeDb } from '../models/db.server';
import { loader } from './healthz';

/** What a crashed connection looks like: the handle stays cached, and nothing answers through it. */
async function breakConnection(): Promise<() => Promise<void>> {
  const db = testDatabase();
  if (db.dialect === 'sqlite') {
    sqliteTestDb().$client.close();
    return async () => {};
  }
  await (db as typeof db & { pool: { end(): Promise<void> } }).pool.end();
  // The test file's teardown closes the database once more: let go of the ended pool first, as it can end only once.
  return () => closeDb().catch(() => undefined);
}

describe('/healthz', () => {
  it('answers 200 {status: "ok"} while the database answers, 503 once it does not', async () => {
    const ok = await loader();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });

    const forget = await breakConnection();
    try {
      const down = await loader();
      expect(down.status).toBe(503);
      expect((await down.json()).status).toBe('error');
    } finally {
      await forget();
    }
  });
});
