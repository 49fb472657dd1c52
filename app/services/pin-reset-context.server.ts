// What the PIN page needs to show: why it is urgent for this account, the data the rules check, whose PIN it is,
// and any 24-hour reset waiting.
import { getAccount, getAccountPhones } from '~/models/account.server';
import { findPendingPinReset } from '~/models/pin-reset.server';
import type { PinContext } from '~/utils/pin-rules';
import { getExposureReport } from './exposure-report.server';
import type { CustomerSession } from './session.server';

export async function getPinResetContext(session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'>) {
  const { accountId } = session;
  const account = await getAccount(accountId);
  if (!account) throw new Response('messages:accountNotFound', { status: 404 });
  const report = await getExposureReport(accountId, { personId: session.customerId, role: session.role });
  const rulesContext: PinContext = {
    phones: await getAccountPhones(accountId),
    accountNumber: account.accountNumber,
    birthDate: account.birthDate,
  };
  const pending = session.role === 'holder' ? await findPendingPinReset(accountId) : null;
  return {
    isHolder: session.role === 'holder',
    pinSet: account.pinHash !== null,
    pendingReset: pending ? { requestedAt: pending.requestedAt.toISOString(), effectiveAt: pending.effectiveAt.toISOString() } : null,
    urgentIncidents: report.incidents
      .filter((incident) => incident.involved)
      .map((incident) => ({ id: incident.id, exposed: incident.exposed })),
    portOutKitExposed: report.incidents.some((incident) =>
      incident.combinations.some((id) => id === 'port-out-kit' || id === 'port-out-request'),
    ),
    pinStep: report.checklist.find((step) => step.id === 'change-pin')!,
    rulesContext,
  };
}
