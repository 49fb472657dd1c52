// Port-out and SIM protection as a person on the account sees and changes it (DESIGN section 9): anyone with the
// right turns a lock on, only the holder turns one off, after a fresh passkey check. The change goes to provisioning
// (provisioning.server.ts); the page shows it pending until provisioning confirms it.
import type { Protection, ProtectionLock } from '../../db/schema';
import { getAccountPhones } from '../models/account.server';
import { passkeyCreatedSince } from '../models/passkey.server';
import { listProtections, requestChange, WHOLE_ACCOUNT } from '../models/protection.server';
import { recordAudit } from './audit.server';
import { customerActor } from './pin.server';
import { provisioningAvailable, provisioningQueued } from './provisioning.server';
import { enforceRateLimit } from './rate-limit.server';
import { hasRight, requireRight } from './rights.server';
import { hasRecentStepUp, type CustomerSession } from './session.server';

export const LOCKS: readonly ProtectionLock[] = ['port-out', 'sim'];
const NEW_PASSKEY_WAIT_MS = 24 * 60 * 60_000;

type Viewer = Pick<CustomerSession, 'accountId' | 'customerId' | 'role' | 'phone' | 'stepUpAt'>;

export type LockState = 'off' | 'pending' | 'on' | 'failed';

export interface LockView {
  lock: ProtectionLock;
  state: LockState;
  /** The change pending or failed: 'on' or 'off'. */
  change: 'on' | 'off' | null;
  /** What provisioning last confirmed, and when. */
  confirmed: 'on' | 'off';
  confirmedAt: Date | null;
  mayTurnOn: boolean;
  mayTurnOff: boolean;
  /** A line whose own lock is off while the whole account's is on: the line is protected through the account. */
  coveredByAccount: boolean;
}

export interface ProtectionTarget {
  /** 'account', or the line in E.164. */
  target: string;
  /** The line's last four digits; null for the whole account. */
  lineEnding: string | null;
  yours: boolean;
  locks: LockView[];
}

export function lockView(row: Protection | undefined): Pick<LockView, 'state' | 'change' | 'confirmed' | 'confirmedAt'> {
  if (!row) return { state: 'off', change: null, confirmed: 'off', confirmedAt: null };
  const state: LockState = row.pending === null ? row.confirmed : row.failedAt ? 'failed' : 'pending';
  return { state, change: row.pending, confirmed: row.confirmed, confirmedAt: row.confirmedAt };
}

function mayTurnOn(viewer: Pick<Viewer, 'role' | 'phone'>, line: string): boolean {
  if (line === WHOLE_ACCOUNT) return hasRight(viewer, 'protect-account');
  return hasRight(viewer, 'protect-any-line') || (hasRight(viewer, 'protect-own-line') && line === viewer.phone);
}

/** The whole account, then each line: every lock's state, and what this person may do with it. */
export async function protectionTargets(viewer: Pick<Viewer, 'accountId' | 'role' | 'phone'>): Promise<ProtectionTarget[]> {
  const [rows, phones] = await Promise.all([listProtections(viewer.accountId), getAccountPhones(viewer.accountId)]);
  const find = (line: string, lock: ProtectionLock) => rows.find((row) => row.line === line && row.lock === lock);
  return [WHOLE_ACCOUNT, ...phones].map((line) => ({
    // The whole number only where this person may act on the line; others see (and the page carries) its ending.
    target:
      line === WHOLE_ACCOUNT
        ? 'account'
        : hasRight(viewer, 'protect-any-line') || line === viewer.phone
          ? line
          : `ending-${line.slice(-4)}`,
    lineEnding: line === WHOLE_ACCOUNT ? null : line.slice(-4),
    yours: line === viewer.phone,
    locks: LOCKS.map((lock) => {
      const view = lockView(find(line, lock));
      const offOrFailedOn = view.state === 'off' || (view.state === 'failed' && view.change === 'on');
      const onOrFailedOff = view.state === 'on' || (view.state === 'failed' && view.change === 'off');
      const accountLock = line === WHOLE_ACCOUNT ? undefined : find(WHOLE_ACCOUNT, lock);
      return {
        lock,
        ...view,
        coveredByAccount: view.state === 'off' && accountLock?.confirmed === 'on',
        mayTurnOn: offOrFailedOn && mayTurnOn(viewer, line),
        mayTurnOff: onOrFailedOff && hasRight(viewer, 'remove-protection'),
      };
    }),
  }));
}

/** Ten changes an hour per person: plenty for one visit, too few to flood provisioning or the lines with notices. */
export const CHANGES_PER_PERSON = { name: 'protection.changes', limit: 10, windowMs: 60 * 60_000 };

export type ChangeAnswer = 'queued' | 'already' | 'pending';

/**
 * Asks provisioning to turn a lock on or off. Refused with a 403 and a sentence for a right the person lacks (a line
 * user for another line, anyone but the holder for "off"), and for "off" without a passkey check in the last minutes.
 */
export async function changeProtection(
  viewer: Viewer,
  input: { target: string; lock: ProtectionLock; state: 'on' | 'off' },
  now = new Date(),
): Promise<ChangeAnswer> {
  const phones = await getAccountPhones(viewer.accountId);
  const line = input.target === 'account' ? WHOLE_ACCOUNT : input.target;
  if (line !== WHOLE_ACCOUNT && !phones.includes(line)) throw new Response('messages:protection.notOnAccount', { status: 404 });
  if (input.state === 'on' && !mayTurnOn(viewer, line))
    requireRight(viewer, line === WHOLE_ACCOUNT ? 'protect-account' : 'protect-any-line');
  if (input.state === 'off') {
    requireRight(viewer, 'remove-protection');
    if (!hasRecentStepUp(viewer, now)) throw new Response('messages:confirmFirst', { status: 403 });
    // Someone who took over the holder's line can enroll a passkey with a texted code: a passkey that new cannot
    // take a lock off until the holder's contacts have had a day to see the notice that it was added.
    if (await passkeyCreatedSince({ kind: 'customer', id: viewer.customerId }, new Date(now.getTime() - NEW_PASSKEY_WAIT_MS)))
      throw new Response('messages:protection.newPasskey', { status: 403 });
  }
  if (!provisioningAvailable()) throw new Response('messages:protection.unavailable', { status: 503 });
  await enforceRateLimit(CHANGES_PER_PERSON, String(viewer.customerId));
  const outcome = await requestChange(
    {
      accountId: viewer.accountId,
      line,
      lock: input.lock,
      state: input.state,
      requestedBy: viewer.role,
      requestedByCustomerId: viewer.customerId,
    },
    now,
  );
  if ('unchanged' in outcome) return outcome.unchanged;
  await recordAudit({
    actor: customerActor(viewer),
    action: 'protection.requested',
    accountId: viewer.accountId,
    details: {
      requestId: outcome.queued.id,
      lock: input.lock,
      state: input.state,
      line: line === WHOLE_ACCOUNT ? 'account' : 'line',
      role: viewer.role,
    },
  });
  provisioningQueued();
  return 'queued';
}

/** When port-out protection was confirmed on for the whole account or the person's own line: the checklist's date. */
export async function portOutProtectedAt(accountId: number, phone: string | null): Promise<Date | null> {
  const rows = await listProtections(accountId);
  const confirmedOn = rows.filter(
    (row) => row.lock === 'port-out' && row.confirmed === 'on' && (row.line === WHOLE_ACCOUNT || row.line === phone),
  );
  const dates = confirmedOn.map((row) => row.confirmedAt?.getTime() ?? 0).filter(Boolean);
  return dates.length > 0 ? new Date(Math.min(...dates)) : null;
}
