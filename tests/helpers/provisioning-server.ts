// A real HTTP server standing in for the carrier's provisioning system (DESIGN section 12), for tests: it checks
// each request's signature and Idempotency-Key the way the carrier would, applies a request id once, and answers as
// the test says (fail the next calls with a status, or hold them past the portal's timeout).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';

export interface ReceivedCall {
  id: string;
  body: { id: string; accountNumber: string; line: string | null; lock: string; state: string; requestedBy: string };
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  status: number;
}

export interface ProvisioningServer {
  url: string;
  secret: string;
  calls: ReceivedCall[];
  /** Request ids applied (answered 2xx with a valid signature), each once however often it was retried. */
  applied: Set<string>;
  /** The next `count` calls answer `status` (a 5xx), or with 'timeout' are held until the portal gives up. */
  failNext(count: number, status?: number | 'timeout'): void;
  /** Every call from now on fails with 500, until ok(). */
  failAlways(): void;
  ok(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export async function startProvisioningServer(secret = 'provisioning-test-secret-0123456789abcdef'): Promise<ProvisioningServer> {
  const calls: ReceivedCall[] = [];
  const applied = new Set<string>();
  const failures: Array<number | 'timeout'> = [];
  let always = false;
  const held = new Set<() => void>();
  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const given = String(request.headers['x-portal-signature'] ?? '');
    const signatureValid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    let body: ReceivedCall['body'];
    try {
      body = JSON.parse(raw) as ReceivedCall['body'];
    } catch {
      response.writeHead(400).end();
      return;
    }
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    const failure = always ? 500 : failures.shift();
    let status = 200;
    if (!signatureValid) status = 401;
    else if (idempotencyKey !== body.id) status = 422;
    else if (failure !== undefined) status = failure === 'timeout' ? 0 : failure;
    calls.push({ id: body.id, body, idempotencyKey, signatureValid, status });
    if (status === 0) {
      // Held until the portal's own timeout cuts the connection (or the server closes).
      const release = () => response.destroy();
      held.add(release);
      response.on('close', () => held.delete(release));
      return;
    }
    if (status === 200) applied.add(body.id);
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/locks`,
    secret,
    calls,
    applied,
    failNext(count, status = 500) {
      for (let index = 0; index < count; index++) failures.push(status);
    },
    failAlways() {
      always = true;
    },
    ok() {
      always = false;
      failures.length = 0;
    },
    async close() {
      for (const release of held) release();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
