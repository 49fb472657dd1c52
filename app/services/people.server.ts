// The people on an account as the holder manages them, and what others may ask of the holder.
import { getAccount } from '~/models/account.server';
import { endPersonAccess, findPersonById, listPeople, restorePersonAccess } from '~/models/person.server';
import { maskPhone } from '~/utils/mask';
import type { PersonRole } from '../../db/schema';
import { recordAudit } from './audit.server';
import { describeError } from './errors.server';
import { log } from './logger.server';
import { notifyHolder, textLine } from './notifier.server';
import { customerActor } from './pin.server';
import { consumeRateLimit } from './rate-limit.server';
import { requireRight } from './rights.server';
import { forgetSessionReads, type CustomerSession } from './session.server';

type Viewer = Pick<CustomerSession, 'accountId' | 'customerId' | 'role' | 'phone'>;

export interface PersonView {
  /** The line, masked: people page and agent card never show whole numbers. */
  line: string;
  role: PersonRole;
  you: boolean;
  /** The enrolled person's id, for "Remove access" / "Restore access"; null while nobody enrolled on the line. */
  personId: number | null;
  passkeys: number;
  lastSignInAt: Date | null;
  accessRemovedAt: Date | null;
}

/** Every line of the account with its person: for the holder's people page and the agent card. */
export async function peopleOnAccount(accountId: number, viewerPhone: string | null = null): Promise<PersonView[]> {
  return (await listPeople(accountId)).map((person) => ({
    line: maskPhone(person.phone),
    role: person.role,
    you: person.phone === viewerPhone,
    personId: person.personId,
    passkeys: person.passkeys,
    lastSignInAt: person.lastSignInAt,
    accessRemovedAt: person.accessRemovedAt,
  }));
}

export async function listPeopleForHolder(session: Viewer): Promise<PersonView[]> {
  requireRight(session, 'manage-people');
  return peopleOnAccount(session.accountId, session.phone);
}

async function otherPersonOnAccount(session: Viewer, personId: number) {
  requireRight(session, 'manage-people');
  const person = await findPersonById(personId);
  if (!person || person.accountId !== session.accountId) throw new Response('messages:people.notOnAccount', { status: 404 });
  if (person.id === session.customerId) throw new Response('messages:people.notYourself', { status: 400 });
  return person;
}

/** Ends the person's sessions and removes their passkeys; they cannot enroll again until the holder restores it. */
export async function removePersonAccess(
  session: Viewer,
  personId: number,
  now = new Date(),
): Promise<{ sessions: number; passkeys: number }> {
  const person = await otherPersonOnAccount(session, personId);
  const ended = await endPersonAccess(person.id, now, { markRemoved: true });
  forgetSessionReads();
  await recordAudit({
    actor: customerActor(session),
    action: 'person.access_removed',
    accountId: session.accountId,
    details: { personId: person.id, role: person.role, sessions: ended.sessions, passkeys: ended.passkeys },
  });
  const account = await getAccount(session.accountId);
  try {
    await textLine(session.accountId, person.phone, {
      key: 'accessRemoved',
      values: { accountEnding: account?.accountNumber.slice(-4) ?? '' },
    });
  } catch (error) {
    log('error', 'notice not queued', describeError(error));
  }
  return ended;
}

export async function restoreAccess(session: Viewer, personId: number): Promise<void> {
  const person = await otherPersonOnAccount(session, personId);
  await restorePersonAccess(person.id);
  await recordAudit({
    actor: customerActor(session),
    action: 'person.access_restored',
    accountId: session.accountId,
    details: { personId: person.id },
  });
}

/** Three asks a day per person: enough to nudge, too few to flood the holder's phone. */
export const ASKS_PER_PERSON = { name: 'ask-holder.person', limit: 3, windowMs: 24 * 60 * 60_000 };

export type AskResult = { sent: true } | { sent: false; retryAfterSeconds: number };

/** "Ask the account holder": a notice to the holder saying who asked (role and masked line); it changes nothing. */
export async function askHolderToChangePin(session: Viewer): Promise<AskResult> {
  if (session.role === 'holder') throw new Response('messages:people.youAreHolder', { status: 400 });
  const { allowed, retryAfterSeconds } = await consumeRateLimit(ASKS_PER_PERSON, String(session.customerId));
  if (!allowed) return { sent: false, retryAfterSeconds };
  await recordAudit({
    actor: customerActor(session),
    action: 'pin.holder_asked',
    accountId: session.accountId,
    details: { role: session.role },
  });
  await notifyHolder(session.accountId, { key: 'askHolder', body: session.role, values: { lineEnding: session.phone.slice(-4) } });
  return { sent: true };
}
