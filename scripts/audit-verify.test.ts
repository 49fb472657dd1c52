import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeys, recordAudit } from '../app/services/audit.server';
import { auditEvents } from '../db/tables';
import { dropAuditGuards, onPostgres, rawSql, testDatabase } from '../tests/helpers/db';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'audit-verify-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command on a database: a SQLite file, or on PostgreSQL (DATABASE_URL) the test's database itself. */
async function auditVerify(database: { databasePath: string } | { databaseUrl: string }) {
  // The key and head live outside the database: the command is given the same ones the portal used.
  const { key, headPath } = auditKeys();
  const env = {
    ...process.env,
    ...('databaseUrl' in database ? { DATABASE_URL: database.databaseUrl } : { DATABASE_PATH: database.databasePath }),
    DATA_DIR: dir,
    AUDIT_KEY: key,
    AUDIT_HEAD_PATH: headPath,
  };
  return run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/**
 * The database as it is now, for the command to check: on SQLite a copy of the file; on PostgreSQL, where a copy
 * (CREATE DATABASE … TEMPLATE) needs every other connection closed, the test's database itself, checked at once.
 */
async function snapshot(name: string): Promise<{ databasePath: string } | { databaseUrl: string }> {
  if (onPostgres()) return { databaseUrl: process.env.DATABASE_URL! };
  const file = path.join(dir, name);
  await rawSql(sql.raw(`VACUUM INTO '${file}'`));
  return { databasePath: file };
}

describe('npm run audit:verify', () => {
  it('reports an intact log, then exits 1 naming the tampered event', async () => {
    for (const action of ['staff.invited', 'account.looked-up', 'pin.verified']) {
      await recordAudit({ actor: { type: 'staff', id: '1' }, action, accountId: 1, details: { result: 'match' } });
    }
    const intact = await auditVerify(await snapshot('intact.db'));
    expect(intact).toEqual({ code: 0, stdout: 'Audit log intact: 3 events\n' });

    await dropAuditGuards(); // someone with write access to the database
    const [, second] = await testDatabase().all((db) => db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id));
    const secondId = second!.id;
    await testDatabase().run((db) =>
      db
        .update(auditEvents)
        .set({ details: { result: 'no match' } })
        .where(eq(auditEvents.id, secondId)),
    );
    const broken = await auditVerify(await snapshot('tampered.db'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`^Audit log broken at event #${secondId}: `));
  });
});
