// The PostgreSQL half of the suite: one throwaway server for the run (or TEST_DATABASE_URL's), with a template
// database already migrated, from which each test file takes a fresh database of its own (tests/helpers/pg-database.ts).
// Without PostgreSQL binaries the half is skipped with one line; under CI=true that is a failure instead.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres, openPostgres } from '../../db/client.pg';
import { databaseUrl, postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/postgres';

export const SKIPPED =
  "PostgreSQL half skipped: no PostgreSQL server programs (initdb, pg_ctl) here; install Debian's postgresql package, or set TEST_DATABASE_URL=postgres://… to use a server you have";

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { serverUrl: string; template: string } | null;
  }
}

export default async function setup(project: TestProject) {
  let server: ThrowawayPostgres | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const bin = postgresBinaries();
    if (!bin) {
      if (process.env.CI === 'true') throw new Error(`${SKIPPED} (CI=true makes this a failure)`);
      console.log(SKIPPED);
      project.provide('postgres', null);
      return;
    }
    server = await startThrowawayPostgres(bin);
    serverUrl = server.url;
  }
  const template = `portal_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
    const db = openPostgres(databaseUrl(serverUrl, template), { max: 1 });
    await migratePostgres(db);
    await db.$client.end();
  } catch (error) {
    await admin.end().catch(() => undefined);
    server?.stop(); // a server that started must not outlive a failed setup
    throw error;
  }
  project.provide('postgres', { serverUrl, template });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
    await admin.end();
    server?.stop();
  };
}
