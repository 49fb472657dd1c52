// The journey bench's load driver, a child process run with the portal's own environment (so it opens the same
// database and can read the outbox). `concurrency` customers at once, closed loop: each takes the next holder of the
// prepared accounts and does the whole first visit over HTTP, as a browser with the software authenticator would:
// asks for a code for their line, reads it from the outbox (where the e2e tests read it too; here straight from the
// table, as /dev/outbox shows it, so no page of 200 messages is rendered per customer), verifies it, creates a passkey
// (registration options, then the verification, which signs them in), reads /account, changes the PIN with the current
// one and turns port-out protection on for the whole account. Every answer is checked; afterwards the database is:
// the PIN changed (to the new one, on a sample), the lock pending or on, and then on once provisioning caught up.
// Each customer has an address of its own in X-Forwarded-For (the portal runs with TRUST_PROXY=1).
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { and, count, desc, eq } from 'drizzle-orm';
import { getPinHashes } from '../../app/models/account.server';
import { closeDb, getDb } from '../../app/models/db.server';
import { opened } from '../../app/models/outbox.server';
import { listProtections, WHOLE_ACCOUNT } from '../../app/models/protection.server';
import { pinMatches } from '../../app/services/pin-hash.server';
import { lockView, type LockState } from '../../app/services/protection.server';
import { accounts, outbox } from '../../db/tables';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import type { JourneyCustomer } from './journey-db';
import { JOURNEY_STEPS, type DriverInput, type DriverResult, type JourneyStep, type LockCounts, type Percentiles } from './journey-steps';
import { treeCpuMs } from './portal-process';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

class StepFailure extends Error {
  constructor(
    readonly step: JourneyStep,
    readonly reason: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

const USER_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const HTML = 'text/html,application/xhtml+xml';
const FORM = 'application/x-www-form-urlencoded';
const ANSWER_TIMEOUT_MS = 60_000;

function send(agent: Agent, method: string, url: string, headers: OutgoingHttpHeaders, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const allHeaders = body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
    const request = httpRequest(url, { method, headers: allHeaders, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const bytes = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(ANSWER_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)));
    request.end(body);
  });
}

/** One simulated browser: its cookies, its own client address, and one keep-alive connection it shares with no one at once. */
class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly origin: string,
    readonly address: string,
    readonly agent: Agent,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async call(step: JourneyStep, method: 'GET' | 'POST', path: string, body?: { form: Record<string, string> } | { json: unknown }) {
    const headers: OutgoingHttpHeaders = {
      // What a browser on the portal's origin sends (a proxy passes it on); Remix refuses actions whose Origin is another host.
      host: new URL(this.origin).host,
      'user-agent': USER_AGENT,
      'accept-language': 'en-US,en;q=0.9',
      'accept-encoding': 'gzip',
      'x-forwarded-for': this.address,
      accept: body && 'json' in body ? 'application/json' : HTML,
    };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let text: string | undefined;
    if (body) {
      headers.origin = this.origin;
      headers['content-type'] = 'json' in body ? 'application/json' : FORM;
      text = 'json' in body ? JSON.stringify(body.json) : new URLSearchParams(body.form).toString();
    }
    let answer: Answer;
    try {
      answer = await send(this.agent, method, `${this.base}${path}`, headers, text);
    } catch (error) {
      throw new StepFailure(step, error instanceof Error ? error.message : String(error));
    }
    for (const line of ([] as string[]).concat(answer.headers['set-cookie'] ?? [])) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }
}

function expect(step: JourneyStep, condition: boolean, reason: string): void {
  if (!condition) throw new StepFailure(step, reason);
}

const statusReason = (answer: Answer) => `HTTP ${answer.status}${answer.headers.location ? ` to ${answer.headers.location}` : ''}`;

function json(step: JourneyStep, answer: Answer): { status?: string; options?: unknown; redirectTo?: string; message?: string } {
  try {
    return JSON.parse(answer.body.toString('utf8')) as { status?: string };
  } catch {
    throw new StepFailure(step, `${statusReason(answer)}, not JSON`);
  }
}

interface Prepared extends JourneyCustomer {
  accountId: number;
}

/** The code the portal queued for this line, as /dev/outbox would show it: the newest message to it on the account. */
async function readCode(customer: Prepared): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const row = await getDb().get((q) =>
      q
        .select()
        .from(outbox)
        .where(and(eq(outbox.accountId, customer.accountId), eq(outbox.recipient, customer.phone)))
        .orderBy(desc(outbox.id))
        .limit(1),
    );
    const code = row ? /\b(\d{6})\b/.exec(opened(row).body)?.[1] : undefined;
    if (code) return code;
    await sleep(25); // committed before the answer, so never expected; a slow disk should not fail the journey
  }
  throw new StepFailure('read code (outbox)', 'no code in the outbox for the line');
}

// The lock's tag in the "Whole account" card of the page the protection form answers with.
const WHOLE_ACCOUNT_PORT_OUT = /id="protection-account"[\s\S]*?<dt>Port-out protection<\/dt><dd><span class="tag[^"]*">([^<]*)<\/span>/;

interface JourneyRecord {
  ok: boolean;
  startedAt: number;
  endedAt: number;
  timings: Partial<Record<JourneyStep, number>>;
  failure?: { step: string; reason: string };
  customer: Prepared;
  cookie?: string;
  address: string;
  accountUrl?: string;
}

async function journey(customer: Prepared, address: string, input: DriverInput, agent: Agent): Promise<JourneyRecord> {
  const visitor = new Visitor(input.url, input.origin, address, agent);
  const authenticator = new SoftAuthenticator({ origin: input.origin });
  const timings: JourneyRecord['timings'] = {};
  const startedAt = performance.now();
  const timed = async <T>(step: JourneyStep, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[step] = performance.now() - started;
    return result;
  };
  try {
    await timed('request code', async () => {
      const answer = await visitor.call('request code', 'POST', '/enroll', {
        form: { intent: 'send-code', accountNumber: customer.accountNumber, phone: customer.phone },
      });
      expect('request code', [302, 303].includes(answer.status) && answer.headers.location === '/enroll', statusReason(answer));
      expect(
        'request code',
        [...visitor.cookies.keys()].some((name) => name.endsWith('bc_enroll')),
        'no enrollment cookie',
      );
    });
    const code = await timed('read code (outbox)', () => readCode(customer));
    await timed('verify code', async () => {
      const before = [...visitor.cookies].find(([name]) => name.endsWith('bc_enroll'))?.[1];
      const answer = await visitor.call('verify code', 'POST', '/enroll', { form: { intent: 'verify', code } });
      expect('verify code', [302, 303].includes(answer.status) && answer.headers.location === '/enroll', statusReason(answer));
      const after = [...visitor.cookies].find(([name]) => name.endsWith('bc_enroll'))?.[1];
      expect('verify code', after !== undefined && after !== before, 'the enrollment state did not move on');
    });
    const options = await timed('registration options', async () => {
      const answer = await visitor.call('registration options', 'POST', '/auth/passkey/registration-options', {
        json: { context: 'enroll' },
      });
      const body = json('registration options', answer);
      expect(
        'registration options',
        answer.status === 200 && body.status === 'success' && !!body.options,
        `${statusReason(answer)} ${body.message ?? ''}`,
      );
      return body.options as PublicKeyCredentialCreationOptionsJSON;
    });
    const response = authenticator.register(options);
    const accountUrl = await timed('registration verification', async () => {
      const answer = await visitor.call('registration verification', 'POST', '/auth/passkey/registration', {
        json: { context: 'enroll', response },
      });
      const body = json('registration verification', answer);
      expect(
        'registration verification',
        answer.status === 200 && body.status === 'success' && typeof body.redirectTo === 'string' && body.redirectTo.startsWith('/account'),
        `${statusReason(answer)} ${body.message ?? ''}`,
      );
      expect(
        'registration verification',
        [...visitor.cookies.keys()].some((name) => name.endsWith('bc_session')),
        'no session cookie',
      );
      return body.redirectTo!;
    });
    await timed('read /account', async () => {
      const answer = await visitor.call('read /account', 'GET', accountUrl);
      expect('read /account', answer.status === 200, statusReason(answer));
      expect('read /account', answer.body.includes('Your exposure'), 'no "Your exposure" heading');
    });
    await timed('change PIN', async () => {
      // The page's "sign out my other devices" box is ticked by default, so the form sends it.
      const answer = await visitor.call('change PIN', 'POST', '/account/pin', {
        form: {
          intent: 'change-pin',
          currentPin: customer.currentPin,
          pin: customer.newPin,
          confirmation: customer.newPin,
          signOutOthers: 'on',
        },
      });
      expect(
        'change PIN',
        answer.status === 303 && String(answer.headers.location).startsWith('/account/pin?done=1'),
        statusReason(answer),
      );
    });
    await timed('port-out protection on', async () => {
      const answer = await visitor.call('port-out protection on', 'POST', '/account/protection', {
        form: { intent: 'on', lock: 'port-out', target: 'account' },
      });
      expect('port-out protection on', answer.status === 202, statusReason(answer));
      const state = WHOLE_ACCOUNT_PORT_OUT.exec(answer.body.toString('utf8'))?.[1];
      expect('port-out protection on', state === 'Pending' || state === 'On', `the page shows the lock as ${state ?? 'nothing'}`);
    });
    return {
      ok: true,
      startedAt,
      endedAt: performance.now(),
      timings,
      customer,
      cookie: visitor.cookieHeader(),
      address,
      accountUrl,
    };
  } catch (error) {
    const failure = error instanceof StepFailure ? { step: error.step, reason: error.reason } : { step: 'driver', reason: String(error) };
    return { ok: false, startedAt, endedAt: performance.now(), timings, failure, customer, address };
  }
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const meanMs = sorted.length === 0 ? Number.NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), meanMs };
}

/** The whole-account port-out lock of each account, as the protection page would show it. */
async function lockStates(records: JourneyRecord[]): Promise<LockCounts> {
  const counts: LockCounts = { on: 0, pending: 0, other: 0 };
  for (const record of records) {
    const rows = await listProtections(record.customer.accountId);
    const state: LockState = lockView(rows.find((row) => row.line === WHOLE_ACCOUNT && row.lock === 'port-out')).state;
    if (state === 'on') counts.on += 1;
    else if (state === 'pending') counts.pending += 1;
    else counts.other += 1;
  }
  return counts;
}

async function pendingMessages(): Promise<number> {
  const row = await getDb().get((q) => q.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending')));
  return Number(row?.n ?? 0);
}

async function checkOutcomes(succeeded: JourneyRecord[], input: DriverInput): Promise<DriverResult['outcomes']> {
  let pinChanged = 0;
  for (const record of succeeded) {
    // The new PIN is current and the old one moved to the history: exactly two hashes, neither the prepared one current.
    const hashes = await getPinHashes(record.customer.accountId, 3);
    if (hashes.length === 2 && hashes[0] !== record.customer.pinHash && hashes[1] === record.customer.pinHash) pinChanged += 1;
  }
  const sample = succeeded
    .filter((_, index) => index % Math.max(1, Math.floor(succeeded.length / input.pinSamples)) === 0)
    .slice(0, input.pinSamples);
  let pinSampleMatched = 0;
  for (const record of sample) {
    const [current] = await getPinHashes(record.customer.accountId, 0);
    if (current && (await pinMatches(current, record.customer.newPin))) pinSampleMatched += 1;
  }
  const locksAtEnd = await lockStates(succeeded);
  const outboxPendingAtEnd = await pendingMessages();
  const drainStarted = performance.now();
  let locksAfterDrain = locksAtEnd;
  let secondsUntilAllOn: number | null = locksAtEnd.on === succeeded.length ? 0 : null;
  while (secondsUntilAllOn === null && performance.now() - drainStarted < input.drainSeconds * 1000) {
    await sleep(500);
    locksAfterDrain = await lockStates(succeeded);
    if (locksAfterDrain.on === succeeded.length) secondsUntilAllOn = (performance.now() - drainStarted) / 1000;
  }
  const outboxPendingAfterDrain = await pendingMessages();
  const errors = succeeded.length - pinChanged + (sample.length - pinSampleMatched) + Math.max(locksAtEnd.other, locksAfterDrain.other);
  return {
    checked: succeeded.length,
    pinChanged,
    pinSampleMatched,
    pinSampleSize: sample.length,
    locksAtEnd,
    locksAfterDrain,
    secondsUntilAllOn,
    outboxPendingAtEnd,
    outboxPendingAfterDrain,
    errors,
  };
}

async function main(): Promise<DriverResult> {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as DriverInput;
  const all = JSON.parse(readFileSync(input.customersFile, 'utf8')) as JourneyCustomer[];
  const ids = new Map(
    (await getDb().all((q) => q.select({ id: accounts.id, accountNumber: accounts.accountNumber }).from(accounts))).map((row) => [
      row.accountNumber,
      row.id,
    ]),
  );
  const customers: Prepared[] = all.map((customer) => {
    const accountId = ids.get(customer.accountNumber);
    if (accountId === undefined) throw new Error(`account ${customer.accountNumber} is not in the database`);
    return { ...customer, accountId };
  });

  const cpu = () => ({
    portal: treeCpuMs(input.portalPid),
    driver: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    database: input.databasePid === null ? null : treeCpuMs(input.databasePid, true),
  });
  const startedAt = performance.now();
  const warmEnd = startedAt + input.warmupSeconds * 1000;
  const endAt = warmEnd + input.durationSeconds * 1000;
  let cpuAtWarmEnd = cpu();
  let cpuAtEnd = cpuAtWarmEnd;
  let ranOutAt: number | null = null;
  const warmTimer = setTimeout(() => (cpuAtWarmEnd = cpu()), input.warmupSeconds * 1000);
  const endTimer = setTimeout(() => (cpuAtEnd = cpu()), (input.warmupSeconds + input.durationSeconds) * 1000);

  const records: JourneyRecord[] = [];
  let next = 0;
  const slot = async () => {
    // One connection per slot, kept alive across the customers it serves in turn, as a proxy in front would.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (;;) {
        if (performance.now() >= endAt) return;
        if (next >= customers.length) {
          ranOutAt ??= performance.now();
          return;
        }
        const index = next++;
        const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
        records.push(await journey(customers[index]!, address, input, agent));
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, slot));
  clearTimeout(warmTimer);
  clearTimeout(endTimer);
  const windowEnd = Math.min(endAt, ranOutAt ?? endAt);
  if (ranOutAt !== null && ranOutAt < endAt) cpuAtEnd = cpu(); // the timer's moment was after the customers ran out
  const windowSeconds = Math.max(0.001, (windowEnd - warmEnd) / 1000);

  const succeeded = records.filter((record) => record.ok);
  const inWindow = succeeded.filter((record) => record.endedAt >= warmEnd && record.endedAt <= windowEnd);
  const measured = succeeded.filter((record) => record.startedAt >= warmEnd);
  const failureCounts = new Map<string, { step: string; reason: string; count: number }>();
  for (const record of records.filter((candidate) => !candidate.ok)) {
    const key = `${record.failure!.step}|${record.failure!.reason}`;
    const entry = failureCounts.get(key) ?? { ...record.failure!, count: 0 };
    entry.count += 1;
    failureCounts.set(key, entry);
  }
  const steps = Object.fromEntries(
    JOURNEY_STEPS.map((step) => [step, percentiles(measured.map((record) => record.timings[step]!))]),
  ) as Record<JourneyStep, Percentiles>;
  const perJourney = (from: number | null, to: number | null) =>
    from === null || to === null ? null : (to - from) / Math.max(1, inWindow.length);
  console.error(`[bench:journey] ${succeeded.length} journeys done, ${records.length - succeeded.length} failed; checking the database`);
  const outcomes = await checkOutcomes(succeeded, input);
  return {
    concurrency: input.concurrency,
    warmupSeconds: input.warmupSeconds,
    durationSeconds: input.durationSeconds,
    windowSeconds,
    started: records.length,
    succeeded: succeeded.length,
    succeededInWindow: inWindow.length,
    journeysPerSecond: inWindow.length / windowSeconds,
    failed: records.length - succeeded.length,
    failures: [...failureCounts.values()].sort((a, b) => b.count - a.count),
    ranOutOfCustomers: ranOutAt !== null && ranOutAt < endAt,
    steps: { ...steps, 'whole journey': percentiles(measured.map((record) => record.endedAt - record.startedAt)) },
    cpuMsPerJourney: {
      portal: perJourney(cpuAtWarmEnd.portal, cpuAtEnd.portal)!,
      driver: perJourney(cpuAtWarmEnd.driver, cpuAtEnd.driver)!,
      database: perJourney(cpuAtWarmEnd.database, cpuAtEnd.database),
    },
    outcomes,
    sessions: succeeded
      .slice(-input.sessionSamples)
      .map((record) => ({ cookie: record.cookie!, address: record.address, accountUrl: record.accountUrl! })),
  };
}

try {
  process.stdout.write(JSON.stringify(await main()));
} finally {
  await closeDb(); // a PostgreSQL pool would keep the process alive
}
