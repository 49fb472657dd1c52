// Run as its own process against a server's data folder and database (its `shared` environment: DATA_DIR, and on
// PostgreSQL DATABASE_URL): queues COUNT text messages for the demo account 100000001, each with a body naming its
// number, so a test can count how often each one was delivered.
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../../app/models/db.server';
import { queueMessages } from '../../app/models/outbox.server';
import { accounts } from '../../db/tables';

const count = Number(process.argv[2] ?? 100);
try {
  const account = await getDb().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000001')));
  if (!account) throw new Error('the demo account 100000001 is not in this database');
  await queueMessages(
    Array.from({ length: count }, (_, index) => ({
      accountId: account.id,
      channel: 'sms' as const,
      recipient: '+12065550101',
      subject: 'Breach check',
      body: `Delivery test message ${index + 1} of ${count}.`,
    })),
  );
} finally {
  await closeDb(); // a PostgreSQL pool would keep the process alive
}
console.log(`queued ${count}`);
