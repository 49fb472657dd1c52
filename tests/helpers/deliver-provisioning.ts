// Run as its own process against a test's database (DATA_DIR, and DATABASE_PATH or on PostgreSQL DATABASE_URL) and
// its provisioning server (PROVISIONING_URL, PROVISIONING_SECRET): waits until the moment in argv[2] (epoch ms), so
// two such processes start together, runs provisioning passes until one finds nothing due, prints how many requests
// this process applied.
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDb } from '../../app/models/db.server';
import { deliverDueProvisioning } from '../../app/services/provisioning.server';

await sleep(Math.max(0, Number(process.argv[2]) - Date.now()));
let applied = 0;
for (;;) {
  const pass = await deliverDueProvisioning();
  applied += pass.applied;
  if (pass.applied + pass.retried + pass.failed + pass.skipped === 0) break;
}
await closeDb(); // a PostgreSQL pool would keep the process alive
console.log(applied);
