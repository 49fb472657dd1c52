// Runs one measured step in its own process (so its peak RSS is its own) and sends the result to the parent.
import { runImport } from '../../db/import/run-import';
import { bareCopy } from './bare-copy';
import { bareInsertLoop } from './bare-insert';

const [step, databasePath, ...rest] = process.argv.slice(2);
let result: unknown;
if (step === 'import') {
  const [kind, file] = rest as ['accounts' | 'exposures', string];
  // The bench's own audit key and head, beside its database: the measured import appends to the chain like any other.
  const audit = { key: 'bench-audit-key-'.padEnd(40, 'x'), headPath: `${databasePath}.audit-head.json` };
  // On PostgreSQL the parent sets DATABASE_URL for this process; the SQLite path then only places the audit head.
  const databaseUrl = process.env.DATABASE_URL || null;
  result = await runImport({ kind, file, databasePath: databasePath!, databaseUrl, operator: 'bench', audit });
} else if (step === 'bare') {
  result = bareInsertLoop(databasePath!, Number(rest[0]), Number(rest[1]));
} else if (step === 'bare-copy') {
  result = await bareCopy(databasePath!, Number(rest[0]), Number(rest[1]), rest[2]!);
} else {
  throw new Error(`unknown step ${step}`);
}
// maxRSS is in kilobytes.
process.send!({ result, peakRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
