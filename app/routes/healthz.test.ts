import { describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { loader } from './healthz';

describe('/healthz', () => {
  it('answers 200 {status: "ok"} while the database answers, 503 once it does not', async () => {
    const ok = await loader();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });

    testDb().$client.close(); // the handle stays cached, as a crashed connection would
    const down = await loader();
    expect(down.status).toBe(503);
    expect((await down.json()).status).toBe('error');
  });
});
