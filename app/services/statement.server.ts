// The printable statement of exposure: a reference a bank or police report can cite, recorded in the audit log.
import { randomBytes } from 'node:crypto';
import { getAccount } from '~/models/account.server';
import { maskAccountNumber, maskName } from '~/utils/mask';
import { recordAudit } from './audit.server';
import { getExposureReport } from './exposure-report.server';
import { requireRight } from './rights.server';
import type { CustomerSession } from './session.server';

// Crockford base32 without look-alike letters, so a reference reads well over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newStatementReference(now: Date): string {
  const bytes = randomBytes(8);
  const suffix = Array.from(bytes, (byte) => ALPHABET[byte % 32]).join('');
  return `BC-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${suffix}`;
}

/** For the holder and authorized users (DESIGN section 9); a line user gets a 403 with a sentence. */
export async function createStatement(session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'>, now = new Date()) {
  requireRight(session, 'print-statement');
  const { accountId, customerId } = session;
  const account = await getAccount(accountId);
  if (!account) throw new Response('Account not found', { status: 404 });
  const report = await getExposureReport(accountId, { personId: customerId, role: session.role });
  const reference = newStatementReference(now);
  await recordAudit({
    actor: { type: 'customer', id: String(customerId) },
    action: 'statement.generated',
    accountId,
    details: { reference },
  });
  return {
    reference,
    generatedAt: now.toISOString(),
    holder: maskName(account.holderName),
    accountNumber: maskAccountNumber(account.accountNumber),
    accountType: account.accountType,
    report,
  };
}
