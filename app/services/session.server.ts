// Server-side sessions: the cookie holds a random token, the database its SHA-256.
// Internals are parametrised by kind so staff sessions (own cookie, 15-minute idle) plug in without touching callers.
import { redirect } from '@remix-run/node';
import { findPersonById } from '~/models/person.server';
import {
  findSessionByTokenHash,
  insertSession,
  listLiveCustomerSessions,
  revokeCustomerSessionOf,
  revokeOtherCustomerSessionsOf,
  revokeSessionsOfPasskey,
  revokeSession,
  revokeStaffSessionsOf,
  setStepUp,
  touchSession,
  type SessionKind,
} from '~/models/session.server';
import { getStaff } from '~/models/staff.server';
import { REQUEST_KEY_HEADER } from '~/utils/request-key';
import type { PersonRole, Session, Staff } from '../../db/schema';
import { recordAudit } from './audit.server';
import { clearCookie, cookieName, readCookie, serializeCookie } from './cookies.server';
import { randomToken, sha256 } from './tokens.server';

interface SessionPolicy {
  cookieBase: string;
  idleMs: number;
  absoluteMs: number;
}

const MINUTE = 60_000;
const POLICIES: Record<SessionKind, SessionPolicy> = {
  customer: { cookieBase: 'bc_session', idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
  staff: { cookieBase: 'bc_staff_session', idleMs: 15 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
};
/** lastSeenAt is refreshed at most this often, so browsing does not write on every request. */
const TOUCH_INTERVAL_MS = MINUTE;
export const STEP_UP_WINDOW_MS = 5 * MINUTE;

export interface CustomerSession {
  sessionId: number;
  /** The person signed in (a customers row). */
  customerId: number;
  accountId: number;
  /** Their line, and its role on the account as of this request. */
  phone: string;
  role: PersonRole;
  /** Their own choice of language, once they made one. */
  language: 'en' | 'es' | null;
  createdAt: Date;
  stepUpAt: Date | null;
}

export function sessionCookieName(kind: SessionKind): string {
  return cookieName(POLICIES[kind].cookieBase);
}

function isLive(row: Session, kind: SessionKind, now: Date): boolean {
  const policy = POLICIES[kind];
  return (
    row.kind === kind &&
    row.revokedAt === null &&
    row.expiresAt.getTime() > now.getTime() &&
    row.lastSeenAt.getTime() + policy.idleMs > now.getTime()
  );
}

// Several loaders (root, layout, page) read the session for one request: look it up once. Remix hands each loader
// its own copy of the Request, so the cache is keyed by the server's per-request key that the copies share, and
// by the Request object where there is none (loaders called directly). Keyed entries live for one event-loop turn,
// in which a request's loaders all start; a later read simply reads again.
const readsByRequestKey = new Map<string, Promise<Session | null>>();
const readsByRequest = new WeakMap<Request, Map<SessionKind, Promise<Session | null>>>();

/** Call after sessions were revoked outside this module, so this request's later loaders read them afresh. */
export function forgetSessionReads(request?: Request): void {
  readsByRequestKey.clear();
  if (request) readsByRequest.delete(request);
}

function loadSession(kind: SessionKind, request: Request): Promise<Session | null> {
  const requestKey = request.headers.get(REQUEST_KEY_HEADER);
  if (requestKey) {
    const key = `${kind}:${requestKey}`;
    let pending = readsByRequestKey.get(key);
    if (!pending) {
      if (readsByRequestKey.size === 0) setImmediate(forgetSessionReads);
      readsByRequestKey.set(key, (pending = readSession(kind, request)));
    }
    return pending;
  }
  let cache = readsByRequest.get(request);
  if (!cache) readsByRequest.set(request, (cache = new Map()));
  let pending = cache.get(kind);
  if (!pending) cache.set(kind, (pending = readSession(kind, request)));
  return pending;
}

async function readSession(kind: SessionKind, request: Request): Promise<Session | null> {
  const token = readCookie(request, sessionCookieName(kind));
  if (!token || token.length > 100) return null;
  const row = await findSessionByTokenHash(sha256(token));
  const now = new Date();
  if (!row || !isLive(row, kind, now)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(row.id, now);
    row.lastSeenAt = now;
  }
  return row;
}

/** Starts a session and revokes the one this browser had (rotation at sign-in); returns the Set-Cookie value. */
async function createSession(
  kind: SessionKind,
  owner: { customerId: number } | { staffId: number },
  request: Request,
  options: { stepUp: boolean; passkeyId?: string | null },
): Promise<string> {
  const previous = await loadSession(kind, request);
  const now = new Date();
  const token = randomToken(32);
  const policy = POLICIES[kind];
  await insertSession(
    {
      tokenHash: sha256(token),
      kind,
      customerId: 'customerId' in owner ? owner.customerId : null,
      staffId: 'staffId' in owner ? owner.staffId : null,
      userAgent: request.headers.get('user-agent')?.slice(0, 400) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      stepUpAt: options.stepUp ? now : null,
      passkeyId: options.passkeyId ?? null,
    },
    previous?.id ?? null,
  );
  forgetSessionReads(request);
  return serializeCookie(sessionCookieName(kind), token, policy.absoluteMs / 1000);
}

async function endSession(kind: SessionKind, request: Request): Promise<{ cookie: string; ended: Session | null }> {
  const current = await loadSession(kind, request);
  if (current) await revokeSession(current.id, new Date());
  forgetSessionReads(request);
  return { cookie: clearCookie(sessionCookieName(kind)), ended: current };
}

// ---- customers ----

export async function getCustomerSession(request: Request): Promise<CustomerSession | null> {
  const row = await loadSession('customer', request);
  if (!row || row.customerId === null) return null;
  // A person whose line has left the account, or whose access the holder removed, is signed out at once, whatever
  // their sessions say (a sign-in racing with the removal can have started one just after it).
  const person = await findPersonById(row.customerId);
  if (!person || person.accessRemovedAt) return null;
  return {
    sessionId: row.id,
    customerId: row.customerId,
    accountId: person.accountId,
    phone: person.phone,
    role: person.role,
    language: person.language,
    createdAt: row.createdAt,
    stepUpAt: row.stepUpAt,
  };
}

/** The signed-in customer, or a redirect to sign-in that comes back to this page. */
export async function requireCustomer(request: Request): Promise<CustomerSession> {
  const session = await getCustomerSession(request);
  if (session) return session;
  const url = new URL(request.url);
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
}

/** A passkey verification (sign-in or step-up) within the last 5 minutes. */
export function hasRecentStepUp(session: Pick<CustomerSession, 'stepUpAt'>, now: Date = new Date()): boolean {
  if (!session.stepUpAt) return false;
  const age = now.getTime() - new Date(session.stepUpAt).getTime();
  return age >= 0 && age < STEP_UP_WINDOW_MS;
}

/**
 * Signs a customer in: a fresh token, the browser's previous session revoked. `stepUp` says whether a passkey
 * (or an enrollment's fresh passkey) was just verified. Returns the Set-Cookie header value.
 */
export async function startCustomerSession(
  request: Request,
  customerId: number,
  options: { stepUp: boolean; passkeyId?: string | null } = { stepUp: true },
): Promise<string> {
  return createSession('customer', { customerId }, request, options);
}

export async function markStepUp(session: CustomerSession, at: Date = new Date()): Promise<void> {
  await setStepUp(session.sessionId, at);
  forgetSessionReads();
}

/** Signs this browser out; returns the Set-Cookie header value that clears the cookie. */
export async function signOutCustomer(request: Request): Promise<string> {
  const session = await getCustomerSession(request);
  const { cookie } = await endSession('customer', request);
  if (session) {
    await recordAudit({
      actor: { type: 'customer', id: String(session.customerId) },
      action: 'session.revoked',
      accountId: session.accountId,
      details: { sessionId: session.sessionId, reason: 'signed out' },
    });
  }
  return cookie;
}

export interface SessionListItem {
  id: number;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export async function listCustomerSessions(session: CustomerSession): Promise<SessionListItem[]> {
  const now = new Date();
  const rows = await listLiveCustomerSessions(session.customerId, now, new Date(now.getTime() - POLICIES.customer.idleMs));
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === session.sessionId,
  }));
}

/** Signs out one of the customer's other sessions; false when it is not theirs or already ended. */
export async function revokeCustomerSession(session: CustomerSession, sessionId: number): Promise<boolean> {
  const revoked = await revokeCustomerSessionOf(session.customerId, sessionId, new Date());
  forgetSessionReads();
  if (!revoked) return false;
  await recordAudit({
    actor: { type: 'customer', id: String(session.customerId) },
    action: 'session.revoked',
    accountId: session.accountId,
    details: { sessionId, reason: 'signed out from another session' },
  });
  return true;
}

/** Ends the sessions signed in with a passkey that was just removed (the person's current one is theirs to keep). */
export async function endSessionsOfPasskey(passkeyId: string, current: { sessionId: number }): Promise<number> {
  const ended = await revokeSessionsOfPasskey(passkeyId, current.sessionId, new Date());
  forgetSessionReads();
  return ended;
}

export async function revokeOtherCustomerSessions(session: CustomerSession): Promise<number> {
  const revoked = await revokeOtherCustomerSessionsOf(session.customerId, session.sessionId, new Date());
  forgetSessionReads();
  if (revoked > 0) {
    await recordAudit({
      actor: { type: 'customer', id: String(session.customerId) },
      action: 'session.revoked',
      accountId: session.accountId,
      details: { count: revoked, reason: 'signed out all other sessions' },
    });
  }
  return revoked;
}

// ---- staff ----

export interface StaffSession {
  sessionId: number;
  staffId: number;
  name: string;
  role: Staff['role'];
}

/** The signed-in staff member; a disabled member's sessions stop working at once. */
export async function getStaffSession(request: Request): Promise<StaffSession | null> {
  const row = await loadSession('staff', request);
  if (!row || row.staffId === null) return null;
  const member = await getStaff(row.staffId);
  if (!member || member.disabledAt) return null;
  return { sessionId: row.id, staffId: member.id, name: member.name, role: member.role };
}

/** A staff member with one of the roles; otherwise staff sign-in, or 403 for the wrong role. */
export async function requireStaff(request: Request, roles: ReadonlyArray<Staff['role']> = ['agent', 'admin']): Promise<StaffSession> {
  const session = await getStaffSession(request);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/staff/sign-in?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  }
  if (!roles.includes(session.role))
    throw new Response('This page is for administrators. Your sign-in does not include it.', { status: 403 });
  return session;
}

export async function startStaffSession(request: Request, staffId: number, passkeyId?: string): Promise<string> {
  return createSession('staff', { staffId }, request, { stepUp: true, passkeyId });
}

export async function signOutStaff(request: Request): Promise<string> {
  const session = await getStaffSession(request);
  const { cookie } = await endSession('staff', request);
  if (session) {
    await recordAudit({
      actor: { type: 'staff', id: String(session.staffId) },
      action: 'staff.signed_out',
      details: { sessionId: session.sessionId },
    });
  }
  return cookie;
}

/** Ends every session of a staff member (used when they are disabled). */
export async function revokeStaffSessions(staffId: number): Promise<number> {
  const changes = await revokeStaffSessionsOf(staffId, new Date());
  forgetSessionReads();
  return changes;
}
