// Run as its own process against a test's database (DATA_DIR, and DATABASE_PATH or on PostgreSQL DATABASE_URL): waits
// until the moment in argv[2] (epoch ms), so two such processes start together, then presents each passkey assertion
// of the JSON file argv[3] once, from the browser whose cookie header is given with it; prints how many were accepted.
// Any refusal other than a spent challenge fails the process.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { closeDb } from '../../app/models/db.server';
import { verifyPasskeyAssertion } from '../../app/services/webauthn.server';
import { ORIGIN } from './requests';

const items = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Array<{ cookie: string; assertion: AuthenticationResponseJSON }>;
await sleep(Math.max(0, Number(process.argv[2]) - Date.now()));
let accepted = 0;
for (const { cookie, assertion } of items) {
  const request = new Request(`${ORIGIN}/auth/passkey/verify`, { method: 'POST', headers: { cookie } });
  const result = await verifyPasskeyAssertion(request, assertion, { purpose: 'authenticate', kind: 'customer' });
  if (result.ok) accepted += 1;
  else if (result.reason !== 'challenge already used') throw new Error(`unexpected refusal: ${result.reason}`);
}
await closeDb(); // a PostgreSQL pool would keep the process alive
console.log(accepted);
