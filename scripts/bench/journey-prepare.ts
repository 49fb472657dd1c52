// Child of the journey bench's preparation, run with the prepared database's settings (DATA_DIR and DATABASE_PATH, or
// DATABASE_URL). Gives every imported account the PIN its holder will type as the current one, set in mid-June 2017
// like the demo accounts' (before the incidents), and picks the new PIN each holder will change it to (one that the
// portal's rules accept for that account). The first time (no customers file yet) it hashes the PINs with the
// portal's own hashPin and writes the file; given the file, it stores the same hashes (the other engine's copy).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { DEMO_PIN_SET_ON, getAccount, getAccountPhones, setFirstPinHash } from '../../app/models/account.server';
import { closeDb, getDb } from '../../app/models/db.server';
import { findAccountIdByNumber, holderLine } from '../../app/models/person.server';
import { hashPin } from '../../app/services/pin-hash.server';
import { checkPin } from '../../app/utils/pin-rules';
import { Random } from '../../db/generate/random';
import { accounts } from '../../db/tables';
import type { JourneyCustomer } from './journey-db';

const [customersFile, seedArgument] = process.argv.slice(2);
if (!customersFile) throw new Error('usage: journey-prepare.ts CUSTOMERS_FILE [SEED]');
// Hashes run on libuv's pool (4 threads by default): a few at once keep every core busy.
const HASHES_AT_ONCE = 4;

/** A PIN the portal's rules accept for this account, different from `other`. */
function acceptablePin(random: Random, context: Parameters<typeof checkPin>[1], other?: string): string {
  for (;;) {
    const pin = String(random.int(1_000_000)).padStart(6, '0');
    if (pin !== other && checkPin(pin, context, pin).length === 0) return pin;
  }
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

try {
  if (existsSync(customersFile)) {
    const customers = JSON.parse(readFileSync(customersFile, 'utf8')) as JourneyCustomer[];
    for (const customer of customers) {
      const id = await findAccountIdByNumber(customer.accountNumber);
      if (id === null) throw new Error(`account ${customer.accountNumber} is not in this database`);
      await setFirstPinHash(id, customer.pinHash, DEMO_PIN_SET_ON);
    }
    console.log(`stored the PINs of ${customers.length} accounts`);
  } else {
    const random = new Random(Number(seedArgument ?? 19));
    const rows = await getDb().all((q) =>
      q.select({ id: accounts.id }).from(accounts).where(eq(accounts.demo, false)).orderBy(accounts.id),
    );
    const customers: Array<JourneyCustomer & { id: number }> = [];
    for (const { id } of rows) {
      const [account, phones, phone] = await Promise.all([getAccount(id), getAccountPhones(id), holderLine(id)]);
      if (!account || !phone) continue;
      const context = { phones, accountNumber: account.accountNumber, birthDate: account.birthDate };
      const currentPin = acceptablePin(random, context);
      customers.push({
        id,
        accountNumber: account.accountNumber,
        phone,
        currentPin,
        newPin: acceptablePin(random, context, currentPin),
        pinHash: '',
      });
    }
    await inPool(customers, HASHES_AT_ONCE, async (customer) => {
      customer.pinHash = await hashPin(customer.currentPin);
      await setFirstPinHash(customer.id, customer.pinHash, DEMO_PIN_SET_ON);
    });
    writeFileSync(customersFile, JSON.stringify(customers.map(({ id: _id, ...customer }) => customer)), { mode: 0o600 });
    console.log(`gave ${customers.length} accounts a PIN`);
  }
} finally {
  await closeDb(); // a PostgreSQL pool would keep the process alive
}
