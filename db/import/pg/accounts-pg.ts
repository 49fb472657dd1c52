// Accounts on PostgreSQL: COPY into a TEMP table, then set-based. The whole-file check sorts the staged rows once into
// a plan in account number order: each row's previous line with the same number (a repeat), its account if any,
// whether it changes it, and for a new account its rank among the new ones. Applying reserves one block of ids for
// the new accounts, then runs statements over ranges of the plan: new accounts inserted in order (their unique index
// filled in sequence), changed ones upserted, lines written, then the phone directory. The counts come from the plan,
// and what the statements wrote must agree with them.
import type pg from 'pg';
import { COMPARED_COLUMNS, linePhone, lineRole, MARKED_LINE } from '../account-changes';
import { reportRepeatedAccounts } from '../whole-file-problems';
import { eachLine, LINE_SEPARATOR, plannedAccountId } from './accounts-plan';
import { COPY_COLUMNS } from './copy-text';
import { CopyWriter } from './copy-writer';
import type { PgImportKind } from './pg-kind';
import { applyPhoneDirectory } from './phone-directory';
import { inRanges } from './ranges';
import { reserveIds } from './reserve-ids';

const STAGED = COPY_COLUMNS.accounts;
const VALUES = ['account_number', ...COMPARED_COLUMNS];
const row = (alias: string) => `(${COMPARED_COLUMNS.map((column) => `${alias}.${column}`).join(', ')})`;
// Plan rows low+1..high; the bounds are our own integers, written into the statement (no parameters, one plan each).
const range = (low: number, high: number) => `p.n > ${low} AND p.n <= ${high}`;

export const accountsPg: PgImportKind = {
  async createStaging(client) {
    await client.query(`CREATE TEMP TABLE stage_accounts (line integer NOT NULL, account_number text NOT NULL,
      account_type text NOT NULL, holder_name text NOT NULL, billing_zip text NOT NULL, billing_address text, email text,
      lines text NOT NULL, birth_date text, language text NOT NULL)`);
    return new CopyWriter(client, 'stage_accounts', STAGED);
  },

  async checkStaged(client, errors) {
    // The staged row "s" against its account "a", if any: its columns compared before the sort (OFFSET 0 keeps them
    // there, so the account's columns are not sorted too), its lines after it, so they are looked up in account order.
    await client.query(`CREATE TEMP TABLE plan_accounts AS
      SELECT row_number() OVER byNumber AS n, lag(m.line) OVER (PARTITION BY m.account_number COLLATE "C" ORDER BY m.line) AS first,
        count(*) FILTER (WHERE m.existing_id IS NULL) OVER byNumber AS new_rank,
        ${STAGED.map((column) => `m.${column}`).join(', ')}, m.existing_id, m.fields_changed,
        m.existing_id IS NOT NULL AND m.lines IS DISTINCT FROM (SELECT string_agg(${MARKED_LINE}, '${LINE_SEPARATOR}' ORDER BY l.phone COLLATE "C")
          FROM account_lines l WHERE l.account_id = m.existing_id) AS lines_changed
      FROM (SELECT s.*, a.id AS existing_id, a.id IS NOT NULL AND ${row('a')} IS DISTINCT FROM ${row('s')} AS fields_changed
        FROM stage_accounts s LEFT JOIN accounts a ON a.account_number = s.account_number OFFSET 0) m
      WINDOW byNumber AS (ORDER BY m.account_number COLLATE "C", m.line ROWS UNBOUNDED PRECEDING)`);
    await client.query('DROP TABLE stage_accounts');
    const repeats = await client.query<{ line: number; first: number; account_number: string }>(
      'SELECT line, first, account_number FROM plan_accounts WHERE first IS NOT NULL ORDER BY line',
    );
    reportRepeatedAccounts(
      errors,
      repeats.rows.map(({ line, first, account_number }) => ({ line, first, key: [account_number] })),
    );
  },

  async apply(client, chunkRows, onProgress) {
    await client.query('CREATE UNIQUE INDEX ON plan_accounts (n)');
    const { total, inserted, updated, linesChanged } = (
      await client.query<{ total: number; inserted: number; updated: number; linesChanged: number }>(`SELECT count(*)::integer AS total,
        count(*) FILTER (WHERE existing_id IS NULL)::integer AS inserted,
        count(*) FILTER (WHERE fields_changed OR lines_changed)::integer AS updated,
        count(*) FILTER (WHERE lines_changed)::integer AS "linesChanged" FROM plan_accounts`)
    ).rows[0]!;
    const beforeFirstId = await reserveIds(client, 'accounts', inserted);
    const accountId = plannedAccountId(beforeFirstId);
    // The lines about to go are kept so the phone directory can drop those not re-added.
    await client.query('CREATE TEMP TABLE dropped_lines (account_id integer NOT NULL, phone text NOT NULL)');
    let written = 0;
    await inRanges(
      total,
      chunkRows,
      async (low, high) => {
        if (linesChanged > 0) await dropChangedLines(client, low, high);
        written += await insertNewAccounts(client, accountId, low, high);
        if (updated > 0) written += (await client.query(changedAccounts(low, high))).rowCount ?? 0;
        await client.query(`INSERT INTO account_lines (account_id, phone, role)
          SELECT p.account_id, ${linePhone('p.m')}, ${lineRole('p.m')}
          FROM ${eachLine(`p.n, ${accountId} AS account_id`, `${range(low, high)} AND (p.existing_id IS NULL OR p.lines_changed)`)} ORDER BY p.n`);
      },
      (applied) => onProgress(applied, total),
    );
    // The plan was read before this transaction; a difference means someone else wrote those accounts since.
    if (written !== inserted + updated) {
      throw new Error(`${Math.abs(inserted + updated - written)} accounts changed in the database while the import applied; run it again`);
    }
    await applyPhoneDirectory(client, accountId, (done) => onProgress(done ? total : 0, total, 'phones'));
    return { rows: total, inserted, updated, unchanged: total - inserted - updated };
  },
};

async function dropChangedLines(client: pg.ClientBase, low: number, high: number): Promise<void> {
  await client.query(
    `WITH gone AS (DELETE FROM account_lines l USING plan_accounts p WHERE ${range(low, high)} AND p.lines_changed AND l.account_id = p.existing_id
      RETURNING l.account_id, l.phone)
    INSERT INTO dropped_lines SELECT account_id, phone FROM gone`,
  );
}

/** Accounts the plan found new, with their reserved ids, in account number order; returns how many. */
async function insertNewAccounts(client: pg.ClientBase, accountId: string, low: number, high: number): Promise<number> {
  try {
    const result = await client.query(`INSERT INTO accounts (id, ${VALUES.join(', ')}, updated_at)
      SELECT ${accountId}, ${VALUES.map((column) => `p.${column}`).join(', ')}, now() FROM plan_accounts p
      WHERE ${range(low, high)} AND p.existing_id IS NULL ORDER BY p.n`);
    return result.rowCount ?? 0;
  } catch (error) {
    // unique_violation: one of them was added by someone else since the plan was made.
    if ((error as { code?: string }).code !== '23505') throw error;
    throw new Error('accounts in this file were added to the database by someone else while the import applied; run it again');
  }
}

/** Existing accounts whose columns or lines changed. One left without lines is one whose phones just changed: that alone makes it an update. */
function changedAccounts(low: number, high: number): string {
  return `INSERT INTO accounts AS a (id, ${VALUES.join(', ')}, updated_at)
    SELECT p.existing_id, ${VALUES.map((column) => `p.${column}`).join(', ')}, now() FROM plan_accounts p
    WHERE ${range(low, high)} AND p.existing_id IS NOT NULL AND (p.fields_changed OR p.lines_changed) ORDER BY p.n
    ON CONFLICT (account_number) DO UPDATE SET ${[...COMPARED_COLUMNS, 'updated_at'].map((column) => `${column} = excluded.${column}`).join(', ')}
    WHERE ${row('a')} IS DISTINCT FROM ${row('excluded')} OR NOT EXISTS (SELECT 1 FROM account_lines l WHERE l.account_id = a.id)`;
}
