// Child of the pages bench: signs in `count` distinct customers whose accounts have exposures, through the real
// session service, and prints their Cookie header values as JSON. Runs with the server's database settings and secrets.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../../app/models/db.server';
import { countPasskeys, insertPasskey } from '../../app/models/passkey.server';
import { ensurePerson, holderLine } from '../../app/models/person.server';
import { startCustomerSession } from '../../app/services/session.server';
import { exposures, sessions } from '../../db/tables';

const BENCH_USER_AGENT = 'bench:pages';
const count = Number(process.argv[2] ?? 2000);

const db = getDb();
// Sessions from earlier runs of the bench would only grow the table.
await db.run((q) => q.delete(sessions).where(eq(sessions.userAgent, BENCH_USER_AGENT)));
const exposed = (await db.all((q) => q.selectDistinct({ id: exposures.accountId }).from(exposures).orderBy(exposures.accountId))).map(
  (row) => row.id,
);
if (exposed.length < count) throw new Error(`only ${exposed.length} accounts have exposures; ${count} wanted`);
// Evenly spaced across the table, so the pages read rows from all over the database file.
const stride = exposed.length / count;
const cookies: string[] = [];
for (let index = 0; index < count; index++) {
  const accountId = exposed[Math.floor(index * stride)]!;
  const customer = await ensurePerson(accountId, (await holderLine(accountId))!);
  const owner = { kind: 'customer', id: customer.id } as const;
  // Everyone signed in has a passkey, so the page shows the dated "Set up a passkey" step; the key is never verified here.
  if ((await countPasskeys(owner)) === 0) {
    await insertPasskey({
      id: randomBytes(16).toString('base64url'),
      owner,
      publicKey: randomBytes(77),
      counter: 0,
      transports: ['internal'],
      deviceType: 'multiDevice',
      backedUp: true,
      aaguid: null,
      name: 'Bench passkey',
    });
  }
  const request = new Request('http://localhost/sign-in', { headers: { 'user-agent': BENCH_USER_AGENT } });
  const setCookie = await startCustomerSession(request, customer.id, { stepUp: false });
  cookies.push(setCookie.split(';')[0]!);
}
await closeDb();
process.stdout.write(JSON.stringify(cookies));
