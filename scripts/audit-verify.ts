// `npm run audit:verify`: checks the audit log's hash chain; the verdict goes to stdout, the exit code says which (0 intact, 1 broken).
import { ConfigError } from '../app/config.server';
import { closeDb } from '../app/models/db.server';
import { verifyAuditChain } from '../app/services/audit.server';

try {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit log intact: ${result.count} events`);
  } else {
    console.log(`Audit log broken at event #${result.eventId}: ${result.reason}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : `Audit check failed: ${String(error)}`);
  process.exitCode = 2;
} finally {
  await closeDb();
}
