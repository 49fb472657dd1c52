// Demo mode: gives demo accounts their documented old PIN, hashed like any other, once.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { accounts } from '../../db/schema';
import { DEMO_ACCOUNTS, DEMO_PIN_SET_ON, demoPin } from '../../db/seed/demo-accounts';
import { getDb } from '~/models/db.server';
import { hashPin } from './pin-hash.server';

export async function seedDemoPins(): Promise<number> {
  const db = getDb();
  const numbers = DEMO_ACCOUNTS.map((demo) => demo.accountNumber);
  const missing = db
    .select({ id: accounts.id, accountNumber: accounts.accountNumber })
    .from(accounts)
    .where(and(inArray(accounts.accountNumber, numbers), isNull(accounts.pinHash), isNull(accounts.pinChangedAt)))
    .all();
  let set = 0;
  for (const account of missing) {
    const pin = demoPin(account.accountNumber);
    if (!pin) continue;
    const pinHash = await hashPin(pin);
    db.update(accounts).set({ pinHash, pinChangedAt: DEMO_PIN_SET_ON }).where(eq(accounts.id, account.id)).run();
    set += 1;
  }
  return set;
}
