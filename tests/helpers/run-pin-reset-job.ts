// Run as its own process against a test's database (DATA_DIR, and DATABASE_PATH or on PostgreSQL DATABASE_URL): waits
// until the moment given in argv[2] (epoch ms), so two such processes start together, runs one pass of the 24-hour PIN
// reset job, prints the number of resets this process applied.
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDb } from '../../app/models/db.server';
import { applyDuePinResets } from '../../app/services/pin-reset.server';

await sleep(Math.max(0, Number(process.argv[2]) - Date.now()));
const applied = await applyDuePinResets();
await closeDb(); // a PostgreSQL pool would keep the process alive
console.log(applied);
