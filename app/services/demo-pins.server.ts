// Demo mode: gives demo accounts their documented old PIN, hashed like any other, once.
import { DEMO_ACCOUNTS, DEMO_PIN_SET_ON, demoPin, listDemoAccountsNeverGivenAPin, setFirstPinHash } from '~/models/account.server';
import { hashPin } from './pin-hash.server';

export async function seedDemoPins(): Promise<number> {
  const missing = await listDemoAccountsNeverGivenAPin(DEMO_ACCOUNTS.map((demo) => demo.accountNumber));
  let set = 0;
  for (const account of missing) {
    const pin = demoPin(account.accountNumber);
    if (!pin) continue;
    await setFirstPinHash(account.id, await hashPin(pin), DEMO_PIN_SET_ON);
    set += 1;
  }
  return set;
}
