// WEB_CONCURRENCY=N: one port served by N worker processes, a dead worker replaced, SIGTERM stops them all.
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { processAlive } from '../../db/process-alive';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

/** A request on a new connection each time, so the kernel may hand it to any worker. */
function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).once('error', reject);
  });
}

const linesOf = (output: string, msg: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; pid: number; worker?: number })
    .filter((line) => line.msg === msg);

describe('WEB_CONCURRENCY', () => {
  it('refuses a value that is not a number of workers, naming the variable', async () => {
    await expect(startServer({ WEB_CONCURRENCY: 'lots' })).rejects.toThrow(
      'Configuration error: WEB_CONCURRENCY: expected the number of worker processes, from 1 to 64',
    );
  });

  it('gives up with a non-zero exit when the workers keep dying at start-up, instead of restarting them forever', async () => {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: every worker's listen fails.
    const attempt = startServer({ WEB_CONCURRENCY: '2', HOST: '192.0.2.1', LOG_LEVEL: 'info' });
    await expect(attempt).rejects.toThrow(/server exited with 1 before it was ready[\s\S]*workers keep stopping at start-up; giving up/);
  });

  it('serves one port from two workers, replaces one that dies, and stops them all on SIGTERM', { timeout: 60_000 }, async () => {
    server = await startServer({ WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' });
    const workers = linesOf(server.output(), 'worker listening').map((line) => line.worker!);
    expect(workers).toHaveLength(2);
    expect(workers).not.toContain(server.pid);

    const answered = new Set<number>();
    for (let request = 0; request < 200 && answered.size < 2; request += 1) {
      expect(await status(`${server.url}/healthz`)).toBe(200);
      for (const line of linesOf(server.output(), 'request')) answered.add(line.pid);
    }
    expect([...answered].sort()).toEqual([...workers].sort());

    process.kill(workers[0]!, 'SIGKILL');
    await expect.poll(() => linesOf(server!.output(), 'worker listening').length, { timeout: 15_000 }).toBe(3);
    const replacement = linesOf(server.output(), 'worker listening')[2]!.worker!;
    expect(workers).not.toContain(replacement);
    for (let request = 0; request < 20; request += 1) expect(await status(`${server.url}/healthz`)).toBe(200);

    await server.stop();
    await sleep(100);
    expect([workers[1]!, replacement].filter(processAlive), 'every worker stopped with the primary').toEqual([]);
    expect(linesOf(server.output(), 'shutting down')).toHaveLength(3); // the primary and both workers drained
    server = undefined;
  });
});
