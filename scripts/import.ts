// `npm run import -- accounts|exposures FILE [--json] [--operator NAME]`: imports one operator file into the database.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { getConfig } from '../app/config.server';
import { ImportBusyError } from '../db/import/imports-log';
import { createProgressBar } from '../db/import/progress';
import { runImport, type ImportSummary } from '../db/import/run-import';

const USAGE = 'usage: npm run import -- accounts|exposures FILE [--json] [--operator NAME]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, operator: { type: 'string' } },
});
const [kind, file] = positionals;
if ((kind !== 'accounts' && kind !== 'exposures') || !file || positionals.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}

const progress = createProgressBar(process.stderr);
const summary = await runImport({
  kind,
  file,
  databasePath: getConfig().databasePath,
  databaseUrl: getConfig().databaseUrl,
  operator: values.operator ?? process.env.IMPORT_OPERATOR ?? userInfo().username,
  audit: getConfig().audit,
  onProgress: progress.update,
}).catch((error: unknown) => {
  if (!(error instanceof ImportBusyError)) throw error;
  console.error(`Import of ${kind} from ${file} not started: ${error.message}`);
  process.exit(1);
});
progress.done();

if (values.json) console.log(JSON.stringify(summary));
else printSummary(summary);
process.exit(summary.outcome === 'succeeded' ? 0 : 1);

function printSummary(summary: ImportSummary): void {
  for (const error of summary.errors) console.error(error);
  if (summary.errorCount > summary.errors.length) console.error(`... and ${summary.errorCount - summary.errors.length} more`);
  const rate = Math.round(summary.rows / Math.max(summary.seconds, 0.001)).toLocaleString('en-US');
  const counts = `${summary.rows} rows: ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged`;
  if (summary.outcome === 'succeeded') {
    console.log(`Imported ${summary.kind} from ${summary.file}: ${counts} in ${summary.seconds.toFixed(1)} s (${rate} rows/s)`);
    if (summary.accessEnded > 0) {
      console.log(
        `${summary.accessEnded} ${summary.accessEnded === 1 ? 'person' : 'people'} lost access to the portal: their line is no longer on their account.`,
      );
    }
  } else {
    console.error(
      `Import of ${summary.kind} from ${summary.file} failed: ${summary.message}${summary.errorCount ? ` (${summary.errorCount} errors)` : ''}`,
    );
  }
}
