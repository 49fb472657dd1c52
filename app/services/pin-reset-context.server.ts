// What the guided PIN reset needs to show: why it is urgent for this customer, and the data the rules check.
import { getAccount, getAccountPhones } from '~/models/account.server';
import type { PinContext } from '~/utils/pin-rules';
import { getExposureReport } from './exposure-report.server';

export async function getPinResetContext(accountId: number) {
  const account = await getAccount(accountId);
  if (!account) throw new Response('Account not found', { status: 404 });
  const report = await getExposureReport(accountId);
  const rulesContext: PinContext = {
    phones: await getAccountPhones(accountId),
    accountNumber: account.accountNumber,
    birthDate: account.birthDate,
  };
  return {
    urgentIncidents: report.incidents
      .filter((incident) => incident.involved)
      .map((incident) => ({ id: incident.id, title: incident.title, exposed: incident.exposed.map((field) => field.label) })),
    portOutKitExposed: report.incidents.some((incident) =>
      incident.combinations.some((combination) => combination.id === 'port-out-kit' || combination.id === 'port-out-request'),
    ),
    pinStep: report.checklist.find((step) => step.id === 'change-pin')!,
    rulesContext,
  };
}
