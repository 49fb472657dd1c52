import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeys, recordAudit } from '../app/services/audit.server';
import { dropAuditGuards, testDb } from '../tests/helpers/db';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'audit-verify-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function auditVerify(databasePath: string) {
  // The key and head live outside the database: the command is given the same ones the portal used.
  const { key, headPath } = auditKeys();
  const env = { ...process.env, DATABASE_PATH: databasePath, DATA_DIR: dir, AUDIT_KEY: key, AUDIT_HEAD_PATH: headPath };
  return run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

function snapshot(name: string): string {
  const file = path.join(dir, name);
  testDb().$client.exec(`VACUUM INTO '${file}'`);
  return file;
}

describe('npm run audit:verify', () => {
  it('reports an intact log, then exits 1 naming the tampered event', async () => {
    for (const action of ['staff.invited', 'account.looked-up', 'pin.verified']) {
      await recordAudit({ actor: { type: 'staff', id: '1' }, action, accountId: 1, details: { result: 'match' } });
    }
    const intact = await auditVerify(snapshot('intact.db'));
    expect(intact).toEqual({ code: 0, stdout: 'Audit log intact: 3 events\n' });

    await dropAuditGuards(); // someone with write access to the file
    const secondId = (testDb().$client.prepare('SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 1').get() as { id: number }).id;
    testDb().$client.prepare(`UPDATE audit_events SET details = '{"result":"no match"}' WHERE id = ?`).run(secondId);
    const broken = await auditVerify(snapshot('tampered.db'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`^Audit log broken at event #${secondId}: `));
  });
});
