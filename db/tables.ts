// The tables models query, chosen once per process by the engine: DATABASE_URL (validated with the rest of the
// configuration in app/config.server.ts) means PostgreSQL's. Typed as SQLite's: db/schema-parity.test.ts proves the
// two alike, column by column, and row types come from db/schema.ts either way.
import * as sqliteTables from './schema';
import * as pgTables from './schema.pg';

export const onPostgres = Boolean(process.env.DATABASE_URL);

const chosen = (onPostgres ? pgTables : sqliteTables) as unknown as typeof sqliteTables;

export const {
  accounts,
  accountLines,
  phoneDirectory,
  incidents,
  exposures,
  customers,
  staff,
  staffInvites,
  passkeys,
  sessions,
  webauthnChallenges,
  oneTimeCodes,
  pinHistory,
  pinResets,
  rateLimits,
  outbox,
  auditEvents,
  statements,
  imports,
  protections,
  provisioningRequests,
  incidentTimeline,
  noticeCampaigns,
  incidentNotices,
} = chosen;
