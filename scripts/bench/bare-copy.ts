// The PostgreSQL baseline: the same synthetic account rows, with their phone lines and phone look-up entries, put
// into plain tables with the columns and indexes of accounts, account_lines and phone_directory (CREATE TABLE …
// LIKE … INCLUDING ALL: no foreign keys, no triggers) by bare COPY … FROM STDIN, one per table, in generation order:
// no parsing, no validation, no staging, no conflict handling. The COPY text is written to files outside the clock.
// Outside the baseline, the lines are copied once more into a table with the schema's foreign key to the accounts:
// what that check alone costs, which the import pays and the baseline does not.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migratePostgres, openPostgres } from '../../db/client.pg';
import { syntheticAccounts } from '../../db/generate/synthetic';
import { copyNullable, copyText } from '../../db/import/pg/copy-text';

export interface BareCopyResult {
  rows: number;
  /** All three tables. */
  seconds: number;
  rowsPerSecond: number;
  /** The accounts table alone. */
  accountsSeconds: number;
  accountsRowsPerSecond: number;
  /** The lines alone, into the plain table and into one with the foreign key to the accounts. */
  linesSeconds: number;
  linesWithForeignKeySeconds: number;
}

const TABLES = {
  bare_accounts: {
    like: 'accounts',
    columns: 'id, account_number, account_type, holder_name, billing_zip, billing_address, email, birth_date, updated_at',
  },
  bare_lines: { like: 'account_lines', columns: 'account_id, phone, role' },
  bare_directory: { like: 'phone_directory', columns: 'phone, account_id' },
} as const;
type Table = keyof typeof TABLES;

export async function bareCopy(url: string, accounts: number, seed: number, dir: string): Promise<BareCopyResult> {
  const db = openPostgres(url, { max: 1 });
  await migratePostgres(db); // the portal's tables, for LIKE
  await db.$client.end();
  const files = await writeCopyFiles(accounts, seed, dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [table, { like }] of Object.entries(TABLES)) await client.query(`CREATE TABLE ${table} (LIKE ${like} INCLUDING ALL)`);
    const seconds: Record<string, number> = {};
    for (const [table, { columns }] of Object.entries(TABLES)) {
      const started = performance.now();
      await pipeline(
        createReadStream(files[table as Table], { highWaterMark: 1 << 20 }),
        client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)),
      );
      seconds[table] = (performance.now() - started) / 1000;
    }
    const total = Object.values(seconds).reduce((sum, value) => sum + value, 0);
    await client.query(
      `CREATE TABLE bare_lines_fk (LIKE account_lines INCLUDING ALL, FOREIGN KEY (account_id) REFERENCES bare_accounts (id))`,
    );
    const started = performance.now();
    await pipeline(
      createReadStream(files.bare_lines, { highWaterMark: 1 << 20 }),
      client.query(copyFrom(`COPY bare_lines_fk (${TABLES.bare_lines.columns}) FROM STDIN`)),
    );
    const linesWithForeignKeySeconds = (performance.now() - started) / 1000;
    return {
      rows: accounts,
      seconds: total,
      rowsPerSecond: accounts / total,
      accountsSeconds: seconds.bare_accounts!,
      accountsRowsPerSecond: accounts / seconds.bare_accounts!,
      linesSeconds: seconds.bare_lines!,
      linesWithForeignKeySeconds,
    };
  } finally {
    await client.end();
  }
}

/**
 * The holder is the first phone as generated, as the import makes it for a file without the people columns. A run's
 * second baseline reuses the first one's files (the same accounts and seed, the same folder).
 */
async function writeCopyFiles(accounts: number, seed: number, dir: string): Promise<Record<Table, string>> {
  const files = Object.fromEntries(Object.keys(TABLES).map((table) => [table, path.join(dir, `${table}.copy`)])) as Record<Table, string>;
  if (Object.values(files).every((file) => existsSync(file))) return files;
  const streams = Object.fromEntries(Object.entries(files).map(([table, file]) => [table, createWriteStream(file)])) as Record<
    Table,
    ReturnType<typeof createWriteStream>
  >;
  const parts: Record<Table, string[]> = { bare_accounts: [], bare_lines: [], bare_directory: [] };
  const flush = async () => {
    for (const table of Object.keys(parts) as Table[]) {
      if (!streams[table].write(parts[table].join(''))) await new Promise<void>((resolve) => streams[table].once('drain', () => resolve()));
      parts[table] = [];
    }
  };
  const now = new Date().toISOString();
  let id = 0;
  for (const { account } of syntheticAccounts(accounts, seed)) {
    id++;
    parts.bare_accounts.push(
      `${id}\t${account.accountNumber}\t${account.accountType}\t${copyText(account.holderName)}\t${account.billingZip}\t${copyNullable(account.billingAddress)}\t${copyNullable(account.email)}\t${account.birthDate ?? '\\N'}\t${now}\n`,
    );
    account.phones.forEach((phone, index) => {
      parts.bare_lines.push(`${id}\t${phone}\t${index === 0 ? 'holder' : 'line'}\n`);
      parts.bare_directory.push(`${phone}\t${id}\n`);
    });
    if (id % 10_000 === 0) await flush();
  }
  await flush();
  await Promise.all(Object.values(streams).map((stream) => new Promise<void>((resolve) => stream.end(resolve))));
  return files;
}
