// Hardening against the real server: the origin check on a real mutation (finding 16), start-up refusals and
// warnings (findings 1 and 5), and a fuzz run over every form and JSON endpoint that must find no 5xx and no stack.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/server';
import { portalFixture } from './fixture';

const portal = portalFixture();

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATA_DIR: tempDataDir('hardening'), PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('finding 1 and 5: start-up', () => {
  it('refuses demo mode on an origin that is not localhost, in one line naming DEMO_MODE', () => {
    const result = startWith({ WEBAUTHN_ORIGIN: 'https://portal.example.com' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: DEMO_MODE: demo mode shows every code and recipient at \/dev\/outbox/);
  });

  it('warns when TRUST_PROXY is set and HOST is not loopback, and not when it is', async () => {
    const exposed = await startAndStop({ TRUST_PROXY: '1' });
    expect(exposed).toMatch(/"level":"warn","msg":"configuration","warning":"TRUST_PROXY is set but HOST is unset \(every interface\)/);
    const behindProxy = await startAndStop({ TRUST_PROXY: '1', HOST: '127.0.0.1' });
    expect(behindProxy).not.toContain('TRUST_PROXY is set');
  });
});

async function startAndStop(env: Record<string, string>): Promise<string> {
  const { startServer } = await import('../helpers/server');
  const server = await startServer({ LOG_LEVEL: 'info', ...env });
  await server.stop();
  return server.output();
}

describe('finding 16: the origin check stops a real mutation', () => {
  it('refuses "Sign out all other sessions" from a foreign Origin, without one, and cross-site; allows it same-origin', async () => {
    const holder = { accountNumber: '100000004', phone: '+15035550105' };
    const { context, page } = await portal.enrolled(holder);
    const other = await portal.enrolled(holder); // a second session to sign out
    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const post = (headers: Record<string, string>) =>
      fetch(portal.url('/account/sessions'), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'intent=revoke-others',
      });
    const stillSignedIn = async () => {
      await other.page.goto(portal.url('/account/sessions'));
      return other.page.url().endsWith('/account/sessions');
    };
    const refused: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      {},
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of refused) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain('This form was sent from another site');
      expect(await stillSignedIn(), JSON.stringify(headers)).toBe(true);
    }
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBeLessThan(400);
    expect(await stillSignedIn()).toBe(false);
    await page.close();
  });
});

describe('fuzz: every form and JSON endpoint answers bad input with a 4xx and a sentence', () => {
  // A small deterministic generator: the same run every time, so a failure can be replayed.
  let state = 20261201;
  const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
  const HOSTILE = [
    '',
    ' ',
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    '\u0000',
    '\uFEFF\u202E',
    '💥'.repeat(50),
    '../../../../etc/passwd',
    '%00%0d%0a',
    '9'.repeat(400),
    '-1',
    '1e309',
    'NaN',
    'null',
    '[]',
    '{"a":1}',
    'x'.repeat(70_000),
    '\ud800',
    '100000001',
    '+12065550101',
  ];
  const pick = () => HOSTILE[random(HOSTILE.length)]!;
  const FORMS: Record<string, string[]> = {
    '/enroll': ['intent', 'accountNumber', 'phone', 'code'],
    '/enroll/agent-code': ['accountNumber', 'code'],
    '/account/pin': ['intent', 'currentPin', 'pin', 'confirmation', 'signOutOthers'],
    '/account/passkeys': ['intent', 'passkeyId', 'name'],
    '/account/sessions': ['intent', 'sessionId'],
    '/account/people': ['intent', 'personId'],
    '/agent': ['intent', 'query', 'card', 'pin'],
    '/admin': ['intent', 'name', 'role', 'staffId', 'inviteId'],
    '/sign-out': ['x'],
    '/staff/sign-out': ['x'],
    '/': ['x'],
    '/incidents': ['x'],
  };
  const JSON_ENDPOINTS = [
    '/auth/passkey/options',
    '/auth/passkey/verify',
    '/auth/passkey/registration-options',
    '/auth/passkey/registration',
    '/staff/auth',
    '/staff/enroll/abcdefghijklmnopqrstuvwxyz/passkey',
  ];
  const INTENTS = [
    'send-code',
    'resend',
    'verify',
    'start-over',
    'change-pin',
    'start-reset',
    'cancel-reset',
    'ask-holder',
    'rename',
    'remove',
    'revoke',
    'revoke-others',
    'remove-access',
    'lookup',
    'verify-pin',
    'send-code',
    'invite',
    'disable',
    'revoke-invite',
  ];

  function formBody(fields: string[]): string {
    const params = new URLSearchParams();
    for (const field of fields) {
      const value = field === 'intent' && random(3) > 0 ? INTENTS[random(INTENTS.length)]! : pick();
      params.append(field, value);
      if (random(5) === 0) params.append(field, pick()); // repeated fields
    }
    return params.toString();
  }

  function jsonBody(): string {
    const shapes = [
      () => JSON.stringify({ mode: pick(), response: pick(), step: pick(), context: pick() }),
      () =>
        JSON.stringify({
          mode: 'sign-in',
          response: {
            id: pick(),
            rawId: pick(),
            type: 'public-key',
            response: { clientDataJSON: pick(), authenticatorData: 7, signature: [] },
          },
        }),
      () => JSON.stringify({ step: 'verify', response: null }),
      () => JSON.stringify([1, 2, 3]),
      () =>
        JSON.stringify({
          context: 'enroll',
          response: {
            id: 'a',
            rawId: 'a',
            type: 'public-key',
            clientExtensionResults: {},
            response: { clientDataJSON: Buffer.from('{"challenge":1}').toString('base64url'), attestationObject: 'AAAA' },
          },
        }),
      () => '{"unterminated": ',
      () => pick(),
    ];
    return shapes[random(shapes.length)]!();
  }

  const STACK = /\bat [\w.<>]+ \(|node_modules\/|\.ts:\d+:\d+|SqliteError|TypeError|ZodError/;

  it('finds no 5xx and no stack trace, signed in as a customer and as an administrator, and signed out', { timeout: 180_000 }, async () => {
    const customer = await portal.enrolled({ accountNumber: '100000009', phone: '+15125550110' });
    const admin = await portal.enrollStaff(portal.inviteStaff('admin', 'Fuzz Admin'));
    const cookiesOf = async (context: typeof customer.context) =>
      (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const jars = [await cookiesOf(customer.context), `${await cookiesOf(customer.context)}; ${await cookiesOf(admin.context)}`, ''];
    const failures: string[] = [];
    let requests = 0;
    const send = async (path: string, init: RequestInit, label: string) => {
      requests++;
      const response = await fetch(portal.url(path), { ...init, redirect: 'manual' });
      const text = await response.text();
      if (response.status >= 500 || STACK.test(text)) failures.push(`${response.status} ${label} ${path}: ${text.slice(0, 200)}`);
    };
    for (let round = 0; round < 6; round++) {
      for (const [jarIndex, cookie] of jars.entries()) {
        const clientAddress = `198.18.${round}.${jarIndex + 1}`;
        const headers = (contentType: string) => ({
          cookie,
          origin: portal.server.url,
          'content-type': contentType,
          'x-forwarded-for': clientAddress,
        });
        for (const [path, fields] of Object.entries(FORMS)) {
          await send(path, { method: 'POST', headers: headers('application/x-www-form-urlencoded'), body: formBody(fields) }, 'form');
        }
        for (const path of JSON_ENDPOINTS)
          await send(path, { method: 'POST', headers: headers('application/json'), body: jsonBody() }, 'json');
        // Odd encodings and shapes: multipart with a file, a form sent as JSON, bytes that are not UTF-8, a claimed gzip body.
        await send(
          '/account/pin',
          {
            method: 'POST',
            headers: headers('multipart/form-data; boundary=zz'),
            body: '--zz\r\nContent-Disposition: form-data; name="pin"; filename="a.txt"\r\n\r\n123\r\n--zz--\r\n',
          },
          'multipart',
        );
        await send('/enroll', { method: 'POST', headers: headers('application/json'), body: '{"intent":"send-code"}' }, 'json-to-form');
        await send(
          '/auth/passkey/verify',
          { method: 'POST', headers: headers('application/json; charset=latin1'), body: Buffer.from([0xff, 0xfe, 0x7b, 0xc3]) },
          'bytes',
        );
        await send(
          '/agent',
          {
            method: 'POST',
            headers: { ...headers('application/x-www-form-urlencoded'), 'content-encoding': 'gzip' },
            body: 'intent=lookup&query=1',
          },
          'gzip-claim',
        );
        await send('/admin?page=-5&from=9999-99-99&actor=' + encodeURIComponent(pick()), { method: 'GET', headers: { cookie } }, 'query');
        await send('/agent?card=' + encodeURIComponent(pick()), { method: 'GET', headers: { cookie } }, 'query');
        await send('/incidents/' + encodeURIComponent(pick().slice(0, 200)), { method: 'GET', headers: { cookie } }, 'path');
        await send('/account/pin?signedOut=' + encodeURIComponent(pick().slice(0, 100)), { method: 'GET', headers: { cookie } }, 'query');
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(400);
  });
});
