// The 24-hour PIN reset (DESIGN sections 3 and 9): for a holder who no longer knows the current PIN, or who came
// back with an agent-started code. The new PIN waits 24 hours, announced at once to the holder's contacts so a
// SIM-swapper's reset is seen and cancelled (by the holder from any session, or by an agent) before it counts.
import { listAgentResets } from '~/models/agent-lookup.server';
import { applyPinReset, cancelPendingPinReset, findPendingPinReset, listDuePinResets, schedulePinReset } from '~/models/pin-reset.server';
import { clearVerificationFailures } from '~/models/pin-verification-lock.server';
import type { PinRuleId } from '~/utils/pin-rules';
import { recordAudit, type AuditActor } from './audit.server';
import { describeError } from './errors.server';
import { log } from './logger.server';
import { notifyHolder } from './notifier.server';
import { hashPin } from './pin-hash.server';
import { checkNewPin, customerActor, PIN_HISTORY_KEPT } from './pin.server';
import { requireRight } from './rights.server';
import type { CustomerSession } from './session.server';

export const PIN_RESET_DELAY_MS = 24 * 60 * 60_000;
/** An agent-started code redeemed this recently makes the reset one the agent started. */
const AGENT_CODE_WINDOW_MS = 60 * 60_000;

export type PinResetRequest = { ok: true; effectiveAt: Date } | { ok: false; broken: PinRuleId[] };

/**
 * Schedules the new PIN for 24 hours from now. Reuse of an earlier PIN is not checked here: refusing it would tell
 * someone who does not know the current PIN whether their guess was it.
 */
export async function requestPinReset(input: {
  session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'>;
  pin: string;
  confirmation?: string;
  now?: Date;
}): Promise<PinResetRequest> {
  const { session } = input;
  requireRight(session, 'change-pin');
  const broken = await checkNewPin(session.accountId, input.pin, input.confirmation, false);
  if (broken.length > 0) return { ok: false, broken };
  const now = input.now ?? new Date();
  const effectiveAt = new Date(now.getTime() + PIN_RESET_DELAY_MS);
  const recentAgentCode = (await listAgentResets(session.accountId, new Date(now.getTime() - AGENT_CODE_WINDOW_MS))).some(
    (reset) => reset.usedAt !== null,
  );
  const reset = await schedulePinReset({
    accountId: session.accountId,
    requestedByCustomerId: session.customerId,
    via: recentAgentCode ? 'agent-code' : 'forgot-pin',
    newPinHash: await hashPin(input.pin),
    requestedAt: now,
    effectiveAt,
  });
  await recordAudit({
    actor: customerActor(session),
    action: 'pin.reset_requested',
    accountId: session.accountId,
    details: { resetId: reset.id, via: reset.via, effectiveAt: effectiveAt.toISOString() },
  });
  await notifyHolder(session.accountId, { key: 'resetRequested', values: { at: now, effectiveAt } });
  return { ok: true, effectiveAt };
}

export type PinResetCanceller =
  { kind: 'customer'; session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'> } | { kind: 'staff'; staffId: number };

/** Cancels the pending reset; false when there was none (already applied, or cancelled elsewhere). */
export async function cancelPinReset(by: PinResetCanceller, accountId: number, now = new Date()): Promise<boolean> {
  if (by.kind === 'customer') requireRight(by.session, 'change-pin');
  const actor: AuditActor = by.kind === 'customer' ? customerActor(by.session) : { type: 'staff', id: String(by.staffId) };
  const cancelled = await cancelPendingPinReset(accountId, `${actor.type}:${actor.id}`, now);
  if (!cancelled) return false;
  await recordAudit({ actor, action: 'pin.reset_cancelled', accountId, details: { resetId: cancelled.id, by: by.kind } });
  await notifyHolder(accountId, {
    key: 'resetCancelled',
    body: by.kind === 'staff' ? 'byAgent' : 'byPortal',
    values: { requestedAt: cancelled.requestedAt },
  });
  return true;
}

export interface PendingPinReset {
  requestedAt: Date;
  effectiveAt: Date;
}

export async function pendingPinReset(accountId: number): Promise<PendingPinReset | null> {
  const reset = await findPendingPinReset(accountId);
  return reset ? { requestedAt: reset.requestedAt, effectiveAt: reset.effectiveAt } : null;
}

const JOB_BATCH = 50;

/** Puts every reset whose 24 hours have passed in force, each once; returns how many this call applied. */
export async function applyDuePinResets(now = new Date()): Promise<number> {
  let applied = 0;
  for (const reset of await listDuePinResets(now, JOB_BATCH)) {
    if (!(await applyPinReset(reset, now, PIN_HISTORY_KEPT))) continue; // another process, or a cancel, came first
    applied += 1;
    await clearVerificationFailures(reset.accountId);
    await recordAudit({
      actor: { type: 'system', id: null },
      action: 'pin.reset_applied',
      accountId: reset.accountId,
      details: { resetId: reset.id, via: reset.via },
    });
    await notifyHolder(reset.accountId, { key: 'resetApplied', values: { at: now, requestedAt: reset.requestedAt } });
  }
  return applied;
}

/** Runs the reset job now and every `intervalMs` (from the database, so a restart loses nothing); returns a stop function. */
export function startPinResetJob(options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await applyDuePinResets();
    } catch (error) {
      log('error', 'PIN reset job pass failed', describeError(error));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), options.intervalMs ?? 5_000);
  timer.unref();
  void pass();
  return () => clearInterval(timer);
}
