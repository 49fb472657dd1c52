// The PostgreSQL schema: the same tables, columns and TypeScript shapes as db/schema.ts (SQLite), in PostgreSQL's own
// types (timestamptz for times, boolean, jsonb, bytea). db/schema-parity.test.ts keeps the two alike.
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const time = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

const createdAt = () => time('created_at').notNull().defaultNow();

export const accounts = pgTable('accounts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  accountNumber: text('account_number').notNull().unique(),
  accountType: text('account_type', { enum: ['prepaid', 'postpaid'] }).notNull(),
  holderName: text('holder_name').notNull(),
  billingZip: text('billing_zip').notNull(),
  billingAddress: text('billing_address'),
  email: text('email'),
  birthDate: text('birth_date'),
  pinHash: text('pin_hash'),
  pinChangedAt: time('pin_changed_at'),
  /** The language the account gets notices in (import column `language`). */
  language: text('language', { enum: ['en', 'es'] })
    .notNull()
    .default('en'),
  /** Created by the demo seed: only these ever get a demo PIN. */
  demo: boolean('demo').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: time('updated_at'),
});

export const PERSON_ROLES = ['holder', 'authorized', 'line'] as const;

export const accountLines = pgTable(
  'account_lines',
  {
    // No foreign key to accounts: the import is the only writer of lines and writes them with their account, and no
    // account is ever deleted; checked row by row, the key was a third of a 2.3 M-account import (decision 015).
    accountId: integer('account_id').notNull(),
    phone: text('phone').notNull(),
    /** Whose line it is: the account holder's, an authorized user's, or a line user's (DESIGN section 9). */
    role: text('role', { enum: PERSON_ROLES }).notNull().default('line'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.phone] })],
);

// Which account a phone number is on, clustered by phone: the look-up side of account_lines. It is a table of its
// own, filled in phone order by the import, because an index on account_lines.phone is written at random while
// accounts are applied in account order, and those random writes were three quarters of a 2.3 M-account import.
// Readers join back to account_lines, so an entry left behind by an interrupted import never answers on its own.
export const phoneDirectory = pgTable(
  'phone_directory',
  {
    phone: text('phone').notNull(),
    accountId: integer('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.phone, t.accountId] })],
);

export const incidents = pgTable('incidents', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  discoveredOn: text('discovered_on').notNull(),
  summary: text('summary').notNull(),
  possibleFields: jsonb('possible_fields').$type<string[]>().notNull(),
  approxAffected: integer('approx_affected'),
});

export const exposures = pgTable(
  'exposures',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    fields: text('fields').notNull(), // ';'-separated field ids, as in the import format
  },
  (t) => [primaryKey({ columns: [t.accountId, t.incidentId] }), index('exposures_incident_idx').on(t.incidentId, t.accountId)],
);

// One row per person on an account who has enrolled: the user of one of its lines (the holder, an authorized user or a
// line user). Their role is their line's, read from account_lines at every request, so a re-import changes it at once.
export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Their line on the account, E.164. */
    phone: text('phone').notNull(),
    webauthnUserId: text('webauthn_user_id').notNull().unique(), // random handle, base64url, no personal data
    /** Their own choice of language for the pages and the codes sent to their line; null until they choose. */
    language: text('language', { enum: ['en', 'es'] }),
    /** Set when the holder removed their access; they cannot enroll again until the holder restores it. */
    accessRemovedAt: time('access_removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('customers_account_phone_unique').on(t.accountId, t.phone)],
);

export const staff = pgTable('staff', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'admin'] }).notNull(),
  webauthnUserId: text('webauthn_user_id').notNull().unique(),
  createdAt: createdAt(),
  disabledAt: time('disabled_at'),
});

export const staffInvites = pgTable('staff_invites', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  tokenHash: text('token_hash').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'admin'] }).notNull(),
  invitedByStaffId: integer('invited_by_staff_id').references(() => staff.id),
  createdAt: createdAt(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
  revokedAt: time('revoked_at'),
  staffId: integer('staff_id').references(() => staff.id),
});

export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(), // credential id, base64url
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    publicKey: bytea('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    aaguid: text('aaguid'),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: time('last_used_at'),
  },
  (t) => [index('passkeys_customer_idx').on(t.customerId), index('passkeys_staff_idx').on(t.staffId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text('token_hash').notNull().unique(), // SHA-256 of the cookie token
    kind: text('kind', { enum: ['customer', 'staff'] }).notNull(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: time('last_seen_at').notNull(),
    expiresAt: time('expires_at').notNull(), // absolute limit
    stepUpAt: time('step_up_at'), // last passkey verification
    revokedAt: time('revoked_at'),
    /** The passkey this session was signed in with (or created at enrollment): removing it ends the session. */
    passkeyId: text('passkey_id'),
  },
  (t) => [
    index('sessions_customer_idx').on(t.customerId),
    index('sessions_staff_idx').on(t.staffId),
    index('sessions_passkey_idx').on(t.passkeyId),
  ],
);

export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  challenge: text('challenge').notNull().unique(),
  purpose: text('purpose', { enum: ['register', 'authenticate', 'step-up'] }).notNull(),
  browserBindingHash: text('browser_binding_hash').notNull(), // ties the challenge to the browser that asked
  customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
  staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
});

export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['enroll', 'agent-reset'] }).notNull(),
    /** The line the code was sent to: whoever types it becomes that line's person. */
    phone: text('phone'),
    /** SHA-256 of the asking browser's enrollment nonce: only that browser can use the code (agent codes have none). */
    browserHash: text('browser_hash'),
    codeHash: text('code_hash').notNull(),
    issuedByStaffId: integer('issued_by_staff_id').references(() => staff.id),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
    invalidatedAt: time('invalidated_at'),
  },
  (t) => [index('one_time_codes_account_idx').on(t.accountId)],
);

export const pinHistory = pgTable(
  'pin_history',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    pinHash: text('pin_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pin_history_account_idx').on(t.accountId)],
);

// The 24-hour PIN reset: asked for by a holder without the current PIN, or after an agent-started code. The new PIN
// waits here (hashed) until effective_at; a job applies it once, unless it was cancelled or superseded first.
export const pinResets = pgTable(
  'pin_resets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    requestedByCustomerId: integer('requested_by_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    via: text('via', { enum: ['forgot-pin', 'agent-code'] }).notNull(),
    newPinHash: text('new_pin_hash').notNull(),
    requestedAt: time('requested_at').notNull(),
    effectiveAt: time('effective_at').notNull(),
    /** "customer:12", "staff:3" or "superseded" (a PIN change with the current PIN replaced it). */
    cancelledBy: text('cancelled_by'),
    cancelledAt: time('cancelled_at'),
    appliedAt: time('applied_at'),
  },
  (t) => [index('pin_resets_account_idx').on(t.accountId), index('pin_resets_due_idx').on(t.effectiveAt)],
);

// Fixed-window counters; kept in the database so limits hold across restarts and processes.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: time('reset_at').notNull(),
});

export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** A message carrying a code is never sent after the code expired. */
    expiresAt: time('expires_at'),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'expired'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: time('sent_at'),
    incidentId: text('incident_id'),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.nextAttemptAt),
    index('outbox_account_idx').on(t.accountId),
    index('outbox_incident_idx').on(t.incidentId, t.status),
  ],
);

// Append-only and hash-chained: each event carries the hash of the one before.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: time('at').notNull(),
    actorType: text('actor_type', { enum: ['customer', 'staff', 'system', 'operator'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    accountId: integer('account_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` was made: 'hmac-sha256' with the audit key kept outside the database; 'sha256' for events from before. */
    scheme: text('scheme', { enum: ['sha256', 'hmac-sha256'] })
      .notNull()
      .default('sha256'),
  },
  (t) => [
    index('audit_events_account_idx').on(t.accountId, t.at),
    index('audit_events_action_idx').on(t.action, t.at),
    index('audit_events_actor_idx').on(t.actorType, t.actorId, t.at),
  ],
);

export const PROTECTION_LOCKS = ['port-out', 'sim'] as const;
export const REQUESTERS = ['holder', 'authorized', 'line', 'agent'] as const;

// Port-out and SIM protection as provisioning last confirmed them (see db/schema.ts).
export const protections = pgTable(
  'protections',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    line: text('line').notNull(),
    lock: text('lock', { enum: PROTECTION_LOCKS }).notNull(),
    confirmed: text('confirmed', { enum: ['on', 'off'] })
      .notNull()
      .default('off'),
    confirmedAt: time('confirmed_at'),
    pending: text('pending', { enum: ['on', 'off'] }),
    failedAt: time('failed_at'),
    requestId: text('request_id'),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [uniqueIndex('protections_lock_idx').on(t.accountId, t.line, t.lock)],
);

// The durable queue of calls to provisioning (see db/schema.ts).
export const provisioningRequests = pgTable(
  'provisioning_requests',
  {
    id: text('id').primaryKey(),
    protectionId: integer('protection_id')
      .notNull()
      .references(() => protections.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').notNull(),
    line: text('line'),
    lock: text('lock', { enum: PROTECTION_LOCKS }).notNull(),
    state: text('state', { enum: ['on', 'off'] }).notNull(),
    requestedBy: text('requested_by', { enum: REQUESTERS }).notNull(),
    requestedByCustomerId: integer('requested_by_customer_id'),
    status: text('status', { enum: ['pending', 'applied', 'failed', 'superseded'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: time('finished_at'),
  },
  (t) => [index('provisioning_due_idx').on(t.status, t.nextAttemptAt), index('provisioning_protection_idx').on(t.protectionId)],
);

// An incident's timeline as administrators record it (see db/schema.ts).
export const incidentTimeline = pgTable('incident_timeline', {
  incidentId: text('incident_id')
    .primaryKey()
    .references(() => incidents.id),
  discoveredOn: text('discovered_on'),
  determinedOn: text('determined_on'),
  authoritiesNotifiedOn: text('authorities_notified_on'),
  customersNotifiedOn: text('customers_notified_on'),
  updatedAt: time('updated_at').notNull(),
  updatedByStaffId: integer('updated_by_staff_id'),
});

// One sending of an incident's notices, at most (see db/schema.ts).
export const noticeCampaigns = pgTable('notice_campaigns', {
  incidentId: text('incident_id')
    .primaryKey()
    .references(() => incidents.id),
  status: text('status', { enum: ['sending', 'paused', 'done'] }).notNull(),
  total: integer('total').notNull(),
  startedAt: time('started_at').notNull(),
  startedByStaffId: integer('started_by_staff_id'),
  updatedAt: time('updated_at').notNull(),
  finishedAt: time('finished_at'),
});

// One notice per account per incident (see db/schema.ts).
export const incidentNotices = pgTable(
  'incident_notices',
  {
    incidentId: text('incident_id').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    queuedAt: time('queued_at').notNull(),
    channels: integer('channels').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.accountId] })],
);

// Each printable statement's reference, once: the audit log records a reference when it is first issued, not per view.
export const statements = pgTable('statements', {
  reference: text('reference').primaryKey(),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const imports = pgTable('imports', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  kind: text('kind', { enum: ['accounts', 'exposures'] }).notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  operator: text('operator').notNull(),
  startedAt: time('started_at').notNull(),
  finishedAt: time('finished_at'),
  outcome: text('outcome', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
  rows: integer('rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  message: text('message'),
  /** The import process, so a run that was killed (still "running") can be told from one that runs. */
  pid: integer('pid'),
  host: text('host'),
  /** Renewed while the import runs: a run on another machine whose heartbeat stopped no longer blocks the next. */
  heartbeatAt: time('heartbeat_at'),
});
