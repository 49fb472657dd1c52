// What an agent may do for a caller: look the account up, see a masked card, verify the PIN, send a reset code.
// Agents never see or set a PIN or a code; every action is audited.
import { fieldLabel, incidentText } from '~/i18n/catalogue';
import { translatorFor } from '~/i18n/translator';
import { getAccount } from '~/models/account.server';
import { findAccountIdByAccountNumber, findAccountIdByPhone, isAccountsImportRunning, listAgentResets } from '~/models/agent-lookup.server';
import { holderLine } from '~/models/person.server';
import { getVerificationFailures } from '~/models/pin-verification-lock.server';
import { formatDateTime } from '~/utils/format-time';
import { normalizeUsPhone } from '~/utils/identity-fields';
import { maskEmail, maskName, maskPhone } from '~/utils/mask';
import { recordAudit } from './audit.server';
import { getExposureReport } from './exposure-report.server';
import { textLine } from './notifier.server';
import { CODE_TTL_MS, issueOneTimeCode } from './one-time-code.server';
import { peopleOnAccount } from './people.server';
import { cancelPinReset, pendingPinReset } from './pin-reset.server';
import { verifyPin, VERIFY_MAX_FAILURES, type VerifyPinResult } from './pin.server';
import { protectionTargets } from './protection.server';
import { enforceRateLimit } from './rate-limit.server';
import type { StaffSession } from './session.server';
import { signPayload, verifyPayload } from './tokens.server';

// Staff pages are in English (DESIGN section 10); the card shows the customer's language.
const STAFF_T = translatorFor('en');

export const LOOKUPS_PER_AGENT = { name: 'agent-lookup.staff', limit: 60, windowMs: 60 * 60_000 };
/** PIN checks per agent, on top of the per-account lock: an agent cannot sweep PINs across many accounts. */
export const PIN_CHECKS_PER_AGENT = { name: 'pin-verify.staff', limit: 30, windowMs: 60 * 60_000 };
export const RESET_CODES_PER_ACCOUNT = { name: 'agent-reset.account', limit: 3, windowMs: 60 * 60_000 };
const CARD_TTL_MS = 30 * 60_000;
const RESET_HISTORY_MS = 24 * 60 * 60_000;

const actorOf = (agent: StaffSession) => ({ type: 'staff' as const, id: String(agent.staffId) });

export type LookupResult = { found: true; card: string } | { found: false; message: string };

/** Looks up by 9-digit account number or a US phone number; audited whether or not anything was found. */
export async function lookUpAccount(agent: StaffSession, query: string): Promise<LookupResult> {
  await enforceRateLimit(LOOKUPS_PER_AGENT, String(agent.staffId));
  const compact = query.replace(/[\s-]/g, '');
  const phone = /^\d{9}$/.test(compact) ? null : normalizeUsPhone(query);
  const by = phone ? 'phone' : 'account number';
  const matches = phone ? await findAccountIdByPhone(phone) : [await findAccountIdByAccountNumber(compact)].filter((id) => id !== null);
  const accountId = matches.length === 1 ? matches[0]! : null;
  await recordAudit({ actor: actorOf(agent), action: 'agent.lookup', accountId, details: { by, matches: matches.length } });
  if (accountId === null) {
    return {
      found: false,
      message:
        matches.length > 1
          ? 'That phone number is on more than one account. Ask the caller for the account number.'
          : phone && (await isAccountsImportRunning())
            ? 'No account has that phone number yet. Account data is being imported right now, and the phone numbers it adds can be looked up when it finishes: ask the caller for the account number.'
            : `No account has that ${phone ? 'phone number' : 'account number'}. Check the digits with the caller.`,
    };
  }
  return { found: true, card: cardToken(agent, accountId) };
}

/** A signed, expiring reference to a looked-up account, so agents cannot browse accounts by editing the URL. */
function cardToken(agent: StaffSession, accountId: number): string {
  return signPayload('agent-card', { accountId, staffId: agent.staffId, exp: Date.now() + CARD_TTL_MS });
}

export function accountFromCard(agent: StaffSession, card: string | null): number | null {
  const payload = verifyPayload('agent-card', card) as { accountId?: unknown; staffId?: unknown; exp?: unknown } | null;
  if (!payload || payload.staffId !== agent.staffId || typeof payload.exp !== 'number' || payload.exp < Date.now()) return null;
  return typeof payload.accountId === 'number' ? payload.accountId : null;
}

export async function accountCard(accountId: number) {
  const account = await getAccount(accountId);
  if (!account) return null;
  const [people, report, failures, resets, pendingReset, locks] = await Promise.all([
    peopleOnAccount(accountId),
    getExposureReport(accountId),
    getVerificationFailures(accountId, new Date()),
    listAgentResets(accountId, new Date(Date.now() - RESET_HISTORY_MS)),
    pendingPinReset(accountId),
    // Read as the holder would see them; agents change none of them (DESIGN section 9).
    protectionTargets({ accountId, role: 'line', phone: '' }),
  ]);
  const pinChangedAt = account.pinChangedAt;
  return {
    holder: maskName(account.holderName),
    people: people.map((person) => ({
      line: person.line,
      role: STAFF_T(`common:roles.${person.role}`),
      status: person.accessRemovedAt ? 'Access removed by the holder' : person.passkeys > 0 ? 'Passkey set up' : 'Not set up',
    })),
    language: account.language,
    email: account.email ? maskEmail(account.email) : null,
    accountType: account.accountType,
    accountNumberEnding: account.accountNumber.slice(-4),
    incidents: report.incidents.map((incident) => ({
      id: incident.id,
      title: incidentText(STAFF_T, incident.id, 'title'),
      involved: incident.involved,
      exposed: incident.exposed.map((field) => fieldLabel(STAFF_T, field)),
    })),
    pinSet: Boolean(account.pinHash),
    pinChangedAt: formatDateTime(pinChangedAt),
    pinStepDone: report.checklist.find((step) => step.id === 'change-pin')!.done,
    locks: locks.map((target) => ({
      target: target.lineEnding === null ? 'Whole account' : `Line ending ${target.lineEnding}`,
      states: target.locks.map((lock) => ({
        lock: lock.lock === 'port-out' ? 'Port-out protection' : 'SIM protection',
        state: lock.state === 'pending' || lock.state === 'failed' ? `${lock.state} (turning ${lock.change})` : lock.state,
      })),
    })),
    pendingReset: pendingReset
      ? { requestedAt: formatDateTime(pendingReset.requestedAt)!, effectiveAt: formatDateTime(pendingReset.effectiveAt)! }
      : null,
    verification:
      failures && failures.failures >= VERIFY_MAX_FAILURES
        ? { locked: true as const, until: formatDateTime(failures.resetAt)! }
        : { locked: false as const, failures: failures?.failures ?? 0 },
    resets: resets.map((reset) => ({
      id: reset.id,
      sentAt: formatDateTime(reset.createdAt)!,
      usedAt: formatDateTime(reset.usedAt),
      pinChangedAt: pinChangedAt && pinChangedAt > reset.createdAt ? formatDateTime(pinChangedAt) : null,
      // The holder chose a new PIN after this code: it waits out its 24 hours.
      scheduledFor: pendingReset && pendingReset.requestedAt > reset.createdAt ? formatDateTime(pendingReset.effectiveAt) : null,
      expired: !reset.usedAt && (reset.invalidatedAt !== null || reset.expiresAt < new Date()),
    })),
  };
}

export type AccountCard = NonNullable<Awaited<ReturnType<typeof accountCard>>>;

export async function verifyCallerPin(agent: StaffSession, accountId: number, candidate: string): Promise<VerifyPinResult> {
  await enforceRateLimit(PIN_CHECKS_PER_AGENT, String(agent.staffId));
  return verifyPin({ accountId, candidate, actor: actorOf(agent) });
}

/** Sends a one-time reset code by text to the account holder's own line only; the agent never sees it. */
export async function sendPinResetCode(agent: StaffSession, accountId: number): Promise<{ line: string }> {
  await enforceRateLimit(RESET_CODES_PER_ACCOUNT, String(accountId));
  const phone = await holderLine(accountId);
  if (!phone)
    throw new Response('This account has no holder line on file, so no code can be sent. Ask the caller to visit a store.', {
      status: 409,
    });
  const code = await issueOneTimeCode({ accountId, phone, purpose: 'agent-reset', issuedByStaffId: agent.staffId });
  await textLine(accountId, phone, { key: 'agentCode', values: { code } }, { expiresAt: new Date(Date.now() + CODE_TTL_MS) });
  await recordAudit({ actor: actorOf(agent), action: 'agent.reset_code_sent', accountId, details: { to: 'holder line' } });
  return { line: maskPhone(phone) };
}

/** The caller (or the holder, on the phone) asks to stop a 24-hour reset; audited, and announced to the holder. */
export async function cancelResetForCaller(agent: StaffSession, accountId: number): Promise<boolean> {
  return cancelPinReset({ kind: 'staff', staffId: agent.staffId }, accountId);
}
