// drizzle-kit for the PostgreSQL schema: `npm run db:generate:pg` writes its migrations beside SQLite's.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.pg.ts',
  out: './db/migrations-pg',
});
