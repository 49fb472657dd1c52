// Machines behind a load balancer start at the same moment, each migrating at start-up: on PostgreSQL two migrators
// on one empty database both succeed, and every migration is applied once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../tests/helpers/postgres';

const postgres = inject('postgres');

async function migrate(url: string): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, output };
}

describe.skipIf(postgres === null)('migrations on PostgreSQL', () => {
  it('two processes migrating one empty database at once both succeed, each migration applied once', async () => {
    const name = `t_migrate_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgres!.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = databaseUrl(postgres!.serverUrl, name);
      const results = await Promise.all([migrate(url), migrate(url)]);
      for (const result of results) expect(result.code, result.output).toBe(0);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const applied = await check.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const incidents = await check.query('SELECT count(*)::int AS n FROM incidents');
      await check.end();
      expect(applied.rows[0].n).toBe(7); // db/migrations-pg: 0000 to 0006
      expect(incidents.rows[0].n).toBe(3);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
