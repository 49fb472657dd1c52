// Calls to the carrier's provisioning system (DESIGN section 12), from a durable queue: signed JSON with the request's
// id as Idempotency-Key, retried with growing waits, once across processes (models/protection.server.ts leases each
// request to one process). A lock is on only after a 2xx; after the last retry the change is failed and the holder told.
import { createHmac } from 'node:crypto';
import type { ProvisioningRequest } from '../../db/schema';
import { getConfig } from '../config.server';
import { getAccount, getAccountPhones } from '../models/account.server';
import { claimDueRequests, markApplied, markFailed, markRetry } from '../models/protection.server';
import { recordAudit } from './audit.server';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop.server';
import { describeError } from './errors.server';
import { log } from './logger.server';
import { notifyHolder, notifyPerson } from './notifier.server';

export const MAX_ATTEMPTS = 5;
const BATCH_SIZE = 5;
const TIMEOUT_MS = 5_000;
// Longer than a whole batch can take (5 calls of 5 s at most), so a request is never sent by two processes at once
// while this one still holds it; a crash only delays it.
const LEASE_MS = 60_000;

/** The wait after the n-th failed attempt: 1 s, 2 s, 4 s, 8 s, then the change is failed (15 s in all). */
export const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** (attempts - 1), 60_000);

/** The exact bytes sent, signed: X-Portal-Signature is sha256=<hex HMAC-SHA256 of them with PROVISIONING_SECRET>. */
export function signedBody(request: ProvisioningRequest, accountNumber: string, secret: string): { body: string; signature: string } {
  const body = JSON.stringify({
    id: request.id,
    accountNumber,
    line: request.line,
    lock: request.lock,
    state: request.state,
    requestedBy: request.requestedBy,
  });
  return { body, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

/** Whether lock changes can be made here: the carrier's endpoint, or in demo mode the built-in provisioner. */
export function provisioningAvailable(): boolean {
  const config = getConfig();
  return config.provisioning !== null || config.demoMode;
}

type Outcome = { ok: true } | { ok: false; error: string };

async function callProvisioning(request: ProvisioningRequest): Promise<Outcome> {
  const config = getConfig();
  const account = await getAccount(request.accountId);
  if (!account) return { ok: false, error: 'account no longer exists' };
  if (!config.provisioning) {
    // A process without the endpoint outside demo mode (a machine deployed without it) must not confirm anything.
    if (!config.demoMode) return { ok: false, error: 'PROVISIONING_URL is not set in this process' };
    // Demo mode: applied at once, and the log says so.
    log('info', 'built-in provisioner applied a lock change (demo mode; set PROVISIONING_URL for the carrier)', {
      lock: request.lock,
      state: request.state,
      scope: request.line === null ? 'account' : 'line',
    });
    return { ok: true };
  }
  const { body, signature } = signedBody(request, account.accountNumber, config.provisioning.secret);
  try {
    const response = await fetch(config.provisioning.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': request.id, 'X-Portal-Signature': signature },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      // A redirect is not the carrier saying yes (a login page answers 200 to the GET it becomes): never followed.
      redirect: 'manual',
    });
    await response.arrayBuffer().catch(() => undefined); // the answer's body says nothing the status does not
    return response.ok ? { ok: true } : { ok: false, error: `provisioning answered ${response.status}` };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    return {
      ok: false,
      error: name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : `could not reach provisioning (${name ?? 'error'})`,
    };
  }
}

const SYSTEM = { type: 'system', id: 'provisioning' } as const;

/** Tells the affected lines that a lock changed: the line itself, or every line for the whole account. */
async function announceApplied(request: ProvisioningRequest): Promise<void> {
  const lines = request.line === null ? await getAccountPhones(request.accountId) : [request.line];
  const body = `${request.lock === 'port-out' ? 'portOut' : 'sim'}${request.state === 'on' ? 'On' : 'Off'}${request.line === null ? 'Account' : 'Line'}`;
  for (const line of lines)
    await notifyPerson(request.accountId, line, { key: 'protectionChanged', body, values: { lineEnding: line.slice(-4) } });
}

async function settle(
  request: ProvisioningRequest,
  outcome: Outcome,
  now: Date,
  lease: Date,
): Promise<'applied' | 'retried' | 'failed' | 'skipped'> {
  const attempts = request.attempts + 1;
  const details = {
    requestId: request.id,
    lock: request.lock,
    state: request.state,
    line: request.line === null ? 'account' : 'line',
    attempts,
  };
  if (outcome.ok) {
    if (!(await markApplied(request, attempts, now))) return 'skipped';
    await recordAudit({ actor: SYSTEM, action: 'protection.applied', accountId: request.accountId, details });
    await announceApplied(request).catch((error: unknown) => log('error', 'protection notice not queued', describeError(error)));
    return 'applied';
  }
  if (attempts < MAX_ATTEMPTS) {
    await markRetry(request.id, lease, attempts, new Date(now.getTime() + retryDelayMs(attempts)), outcome.error);
    return 'retried';
  }
  if (!(await markFailed(request, attempts, outcome.error, now))) return 'skipped';
  await recordAudit({
    actor: SYSTEM,
    action: 'protection.failed',
    accountId: request.accountId,
    details: { ...details, error: outcome.error },
  });
  const body = `${request.lock === 'port-out' ? 'portOut' : 'sim'}${request.state === 'on' ? 'On' : 'Off'}`;
  await notifyHolder(request.accountId, { key: 'protectionFailed', body }).catch((error: unknown) =>
    log('error', 'protection notice not queued', describeError(error)),
  );
  return 'failed';
}

/** One pass: every due request is sent once; returns what became of them. */
export async function deliverDueProvisioning(now = new Date()): Promise<Record<'applied' | 'retried' | 'failed' | 'skipped', number>> {
  const counts = { applied: 0, retried: 0, failed: 0, skipped: 0 };
  const lease = new Date(now.getTime() + LEASE_MS);
  const due = await claimDueRequests(now, lease, BATCH_SIZE);
  for (const request of due) {
    const outcome = await callProvisioning(request);
    counts[await settle(request, outcome, new Date(Math.max(Date.now(), now.getTime())), lease)] += 1;
  }
  return counts;
}

let loop: BackgroundLoop | undefined;

/** Wakes the loop (in this process) once a change is committed, so it is sent at once rather than at the next tick. */
export function provisioningQueued(): void {
  loop?.wake();
}

/** Starts the provisioning loop; returns a stop function. */
export function startProvisioningDelivery(options: { intervalMs?: number } = {}): () => void {
  const started = startBackgroundLoop(
    'provisioning',
    async () => {
      const counts = await deliverDueProvisioning();
      return counts.applied + counts.retried + counts.failed + counts.skipped === BATCH_SIZE;
    },
    options.intervalMs ?? 1_000,
  );
  loop = started;
  return () => {
    started.stop();
    if (loop === started) loop = undefined;
  };
}
