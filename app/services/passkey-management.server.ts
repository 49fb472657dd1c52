// What a signed-in customer can do with their passkeys: list, rename, remove (never the last one).
import type { Language } from '~/i18n/config';
import { countPasskeys, listPasskeys, removePasskey, renamePasskey, type PasskeyOwner } from '~/models/passkey.server';
import { formatDateTime } from '~/utils/format-time';
import { recordAudit } from './audit.server';
import { describeError } from './errors.server';
import { log } from './logger.server';
import { notifyPerson } from './notifier.server';
import { endSessionsOfPasskey, type CustomerSession } from './session.server';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

function ownerOf(session: CustomerSession): PasskeyOwner {
  return { kind: 'customer', id: session.customerId };
}

export async function listCustomerPasskeys(session: CustomerSession, language: Language): Promise<PasskeyView[]> {
  const passkeys = await listPasskeys(ownerOf(session));
  return passkeys.map((passkey) => ({
    id: passkey.id,
    name: passkey.name,
    createdAt: formatDateTime(passkey.createdAt, language)!,
    lastUsedAt: formatDateTime(passkey.lastUsedAt, language),
    synced: passkey.backedUp || passkey.deviceType === 'multiDevice',
  }));
}

export async function renameCustomerPasskey(session: CustomerSession, passkeyId: string, name: string): Promise<boolean> {
  const renamed = await renamePasskey(ownerOf(session), passkeyId, name);
  if (renamed) {
    await recordAudit({
      actor: { type: 'customer', id: String(session.customerId) },
      action: 'passkey.renamed',
      accountId: session.accountId,
      details: { passkeyName: name },
    });
  }
  return renamed;
}

export async function removeCustomerPasskey(session: CustomerSession, passkeyId: string): Promise<'removed' | 'last' | 'not-found'> {
  const result = await removePasskey(ownerOf(session), passkeyId);
  if (result !== 'removed') return result;
  // A browser signed in with the removed passkey is signed out with it: a lost phone's session goes too.
  // This one stays: it just confirmed with a passkey in the last 5 minutes.
  const sessionsEnded = await endSessionsOfPasskey(passkeyId, session);
  await recordAudit({
    actor: { type: 'customer', id: String(session.customerId) },
    action: 'passkey.removed',
    accountId: session.accountId,
    details: { remaining: await countPasskeys(ownerOf(session)), sessionsEnded },
  });
  try {
    await notifyPerson(session.accountId, session.phone, { key: 'passkeyRemoved' });
  } catch (error) {
    log('error', 'notice not queued', describeError(error));
  }
  return 'removed';
}
