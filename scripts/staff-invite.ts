// `npm run staff:invite -- --role admin --name "Dana Lopez"`: prints a one-time staff enrollment link.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, getConfig } from '../app/config.server';
import { closeDb, getDb } from '../app/models/db.server';
import { inviteStaff } from '../app/services/staff-invites.server';
import { readyDatabase } from '../db/seed/seed';

const argsSchema = z.object({
  role: z.enum(['agent', 'admin'], { message: '--role must be agent or admin' }),
  name: z
    .string({ message: '--name is required, e.g. --name "Dana Lopez"' })
    .trim()
    .min(2, '--name is required, e.g. --name "Dana Lopez"')
    .max(80),
});

function fail(message: string): never {
  console.error(message);
  console.error('usage: npm run staff:invite -- --role agent|admin --name "Full Name"');
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { role: { type: 'string' }, name: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) fail(parsed.error.issues[0]!.message);

try {
  getConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  throw error;
}
await readyDatabase(getDb());
const { link, expiresAt } = await inviteStaff({
  ...parsed.data,
  invitedBy: { type: 'operator', id: process.env.USER ?? 'cli' },
  invitedByStaffId: null,
});
await closeDb();
console.log(`Enrollment link for ${parsed.data.name} (${parsed.data.role}), valid until ${expiresAt.toISOString()}, single use:`);
console.log(link);
