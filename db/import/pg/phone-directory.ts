// The accounts import's second pass on PostgreSQL, as on SQLite: the phone directory (db/schema.pg.ts) brought in
// line with account_lines for every staged account, written in phone order so its index fills in sequence. Entries
// already present are left alone, so a re-run also completes a directory left short. When another accounts import
// is still on record as running (one that died part way), the whole directory is brought in line instead.
import type pg from 'pg';
import { linePhone } from '../account-changes';
import { eachLine } from './accounts-plan';

// Compared in the "C" collation, the order the entries are sorted in for writing: one sort serves both.
const absentFromDirectory = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM phone_directory d WHERE d.phone COLLATE "C" = ${alias}.phone COLLATE "C" AND d.account_id = ${alias}.account_id)`;
const notOnTheAccount = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM account_lines l WHERE l.account_id = ${alias}.account_id AND l.phone = ${alias}.phone)`;

/**
 * `accountId` is the plan's account id expression (accounts-plan.ts). Reports done = false before and true after:
 * the pass is two statements, with nothing to report between them.
 */
export async function applyPhoneDirectory(client: pg.ClientBase, accountId: string, onProgress: (done: boolean) => void): Promise<void> {
  onProgress(false);
  const running = await client.query<{ count: number }>(
    "SELECT count(*)::integer AS count FROM imports WHERE kind = 'accounts' AND outcome = 'running'",
  );
  const whole = running.rows[0]!.count > 1;
  const present = whole
    ? 'SELECT phone, account_id FROM account_lines'
    : `SELECT ${linePhone('p.m')} AS phone, p.account_id FROM ${eachLine(`${accountId} AS account_id`)}`;
  await client.query(`INSERT INTO phone_directory (phone, account_id)
    SELECT c.phone, c.account_id FROM (${present}) c WHERE ${absentFromDirectory('c')} ORDER BY c.phone COLLATE "C", c.account_id`);
  await client.query(
    whole
      ? `DELETE FROM phone_directory x WHERE ${notOnTheAccount('x')}`
      : `DELETE FROM phone_directory d USING dropped_lines x
        WHERE d.phone = x.phone AND d.account_id = x.account_id AND ${notOnTheAccount('x')}`,
  );
  onProgress(true);
}
