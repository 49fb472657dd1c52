// The printable statement of exposure: a reference a bank or police report can cite, recorded in the audit log.
import { getAccount } from '~/models/account.server';
import { issueStatementReference } from '~/models/statement.server';
import { calendarDate } from '~/utils/format-time';
import { maskAccountNumber, maskName } from '~/utils/mask';
import { canonicalJson, recordAudit } from './audit.server';
import { getExposureReport } from './exposure-report.server';
import { requireRight } from './rights.server';
import type { CustomerSession } from './session.server';
import { keyedHash } from './tokens.server';

// Crockford base32 without look-alike letters, so a reference reads well over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The same person, day and content always get the same reference, so viewing or printing it again is not a new
 * statement (nor a new audit event); a change to what it says is a new reference.
 */
export function statementReference(customerId: number, day: string, report: unknown): string {
  const digest = Buffer.from(keyedHash('statement', `${customerId}:${day}:${canonicalJson(report)}`), 'hex');
  const suffix = Array.from(digest.subarray(0, 8), (byte) => ALPHABET[byte % 32]).join('');
  return `BC-${day.replaceAll('-', '')}-${suffix}`;
}

/** For the holder and authorized users (DESIGN section 9); a line user gets a 403 with a sentence. */
export async function createStatement(session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'>, now = new Date()) {
  requireRight(session, 'print-statement');
  const { accountId, customerId } = session;
  const account = await getAccount(accountId);
  if (!account) throw new Response('messages:accountNotFound', { status: 404 });
  const report = await getExposureReport(accountId, { personId: customerId, role: session.role });
  const reference = statementReference(customerId, calendarDate(now), report);
  const issued = await issueStatementReference({ reference, accountId, customerId }, now);
  if (issued.created) {
    await recordAudit({
      actor: { type: 'customer', id: String(customerId) },
      action: 'statement.generated',
      accountId,
      details: { reference },
    });
  }
  return {
    reference,
    generatedAt: issued.issuedAt.toISOString(),
    holder: maskName(account.holderName),
    accountNumber: maskAccountNumber(account.accountNumber),
    accountType: account.accountType,
    report,
  };
}
