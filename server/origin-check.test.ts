import { once } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originCheck } from './origin-check';

const ORIGIN = 'http://localhost:3000';
let server: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use(originCheck(ORIGIN));
  app.post('/form', (_req, res) => res.send('accepted'));
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

// node:http, because fetch will not send a Host header of our choosing.
function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path: '/form', method: 'POST', headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the origin check on forms', () => {
  it('accepts our origin addressed to our host, directly or through a proxy', async () => {
    expect(await post({ origin: ORIGIN, host: 'localhost:3000' })).toEqual({ status: 200, body: 'accepted' });
    expect(await post({ origin: ORIGIN, host: 'internal:8080', 'x-forwarded-host': 'localhost:3000' })).toMatchObject({ status: 200 });
    expect(await post({ 'sec-fetch-site': 'same-origin', host: 'localhost:3000' })).toMatchObject({ status: 200 });
  });

  it('refuses another origin with 403', async () => {
    const answer = await post({ origin: 'https://evil.example', host: 'localhost:3000' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('sent from another site');
  });

  it('answers our origin sent to another host with 421 and the address to use (Remix would throw: a 500)', async () => {
    const misaddressed: Array<Record<string, string>> = [
      { host: '127.0.0.1:3000' },
      { host: 'localhost:3000', 'x-forwarded-host': 'portal.evil.example' },
    ];
    for (const headers of misaddressed) {
      const answer = await post({ origin: ORIGIN, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(421);
      expect(answer.body).toContain(`another address than ${ORIGIN}`);
    }
  });
});
