// Test helpers: write a CSV (optionally gzipped) into a fresh temp folder and import it into the worker database.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { auditKeys } from '../../app/services/audit.server';
import { runImport, type ImportOptions } from '../../db/import/run-import';

export const ACCOUNTS_HEADER = 'account_number,account_type,holder_name,billing_zip,billing_address,email,phones,birth_date';
export const EXPOSURES_HEADER = 'account_number,incident,fields';

export function writeCsv(name: string, text: string, gzip = false): string {
  // Inside the worker's data folder, which the test setup clears on every run.
  const file = path.join(mkdtempSync(path.join(process.env.DATA_DIR ?? tmpdir(), 'import-test-')), name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

/** Imports a file into the worker database as the operator 'test'. */
export function importFile(kind: ImportOptions['kind'], file: string, extra: Partial<ImportOptions> = {}) {
  return runImport({ kind, file, databasePath: process.env.DATABASE_PATH!, operator: 'test', audit: auditKeys(), ...extra });
}

export function importText(kind: ImportOptions['kind'], lines: string[], extra: Partial<ImportOptions> = {}) {
  return importFile(kind, writeCsv(`${kind}.csv`, `${lines.join('\n')}\n`), extra);
}

/** `npm run import -- accounts FILE` as its own process against that database, with the worker's audit keys. */
export function accountsImportProcess(file: string, databasePath: string) {
  const { key, headPath } = auditKeys();
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'accounts', file, '--operator', 'test'], {
    env: { ...process.env, DATABASE_PATH: databasePath, AUDIT_KEY: key, AUDIT_HEAD_PATH: headPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
