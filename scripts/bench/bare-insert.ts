// The baseline: the same synthetic account rows (with their phone lines and phone look-up entries) put into a fresh
// database by a plain prepared-insert loop: no file, no parsing, no validation, no staging, no conflict handling. A
// 100 MB cache (the import gets by with 32 MB because it writes every index in key order; the loop writes them at
// random and is faster with more) and commits of 50 000 rows; rows are generated outside the clock.
import { migrateDatabase, openDatabase } from '../../db/client';
import { syntheticAccounts, type SyntheticAccount } from '../../db/generate/synthetic';

export interface BareResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export function bareInsertLoop(databasePath: string, accounts: number, seed: number): BareResult {
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  const sqlite = db.$client;
  sqlite.pragma('cache_size = -102400');
  const insertAccount = sqlite.prepare(`INSERT INTO accounts (account_number, account_type, holder_name, billing_zip,
    billing_address, email, birth_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = sqlite.prepare('INSERT INTO account_lines (account_id, phone) VALUES (?, ?)');
  const insertDirectoryEntry = sqlite.prepare('INSERT INTO phone_directory (phone, account_id) VALUES (?, ?)');
  const insertChunk = sqlite.transaction((rows: SyntheticAccount[]) => {
    const now = Date.now();
    for (const row of rows) {
      const { lastInsertRowid } = insertAccount.run(
        row.accountNumber,
        row.accountType,
        row.holderName,
        row.billingZip,
        row.billingAddress,
        row.email,
        row.birthDate,
        now,
      );
      for (const phone of row.phones) {
        insertLine.run(lastInsertRowid, phone);
        insertDirectoryEntry.run(phone, lastInsertRowid);
      }
    }
  });
  let elapsed = 0;
  let chunk: SyntheticAccount[] = [];
  const flush = () => {
    const started = performance.now();
    insertChunk(chunk);
    elapsed += performance.now() - started;
    chunk = [];
  };
  for (const { account } of syntheticAccounts(accounts, seed)) {
    chunk.push(account);
    if (chunk.length === 50_000) flush();
  }
  if (chunk.length > 0) flush();
  sqlite.close();
  const seconds = elapsed / 1000;
  return { rows: accounts, seconds, rowsPerSecond: accounts / seconds };
}
