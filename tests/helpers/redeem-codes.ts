// Run as its own process against a test's database (DATA_DIR, and DATABASE_PATH or on PostgreSQL DATABASE_URL): waits
// until the moment in argv[2] (epoch ms), so two such processes start together, then types each code of the JSON file
// argv[3] once, as that code's browser; prints how many this process redeemed.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDb } from '../../app/models/db.server';
import { redeemOneTimeCode } from '../../app/services/one-time-code.server';

const codes = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Array<{
  accountId: number;
  phone: string;
  code: string;
  browserHash: string;
}>;
await sleep(Math.max(0, Number(process.argv[2]) - Date.now()));
let redeemed = 0;
for (const code of codes) {
  const check = await redeemOneTimeCode({ ...code, purposes: ['enroll'] });
  if (check.ok) redeemed += 1;
}
await closeDb(); // a PostgreSQL pool would keep the process alive
console.log(redeemed);
