// The one drizzle schema. Times are epoch milliseconds (Date in TypeScript).
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  accountNumber: text('account_number').notNull().unique(),
  accountType: text('account_type', { enum: ['prepaid', 'postpaid'] }).notNull(),
  holderName: text('holder_name').notNull(),
  billingZip: text('billing_zip').notNull(),
  billingAddress: text('billing_address'),
  email: text('email'),
  birthDate: text('birth_date'),
  pinHash: text('pin_hash'),
  pinChangedAt: integer('pin_changed_at', { mode: 'timestamp_ms' }),
  /** The language the account gets notices in (import column `language`). */
  language: text('language', { enum: ['en', 'es'] })
    .notNull()
    .default('en'),
  /** Created by the demo seed: only these ever get a demo PIN. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

export const PERSON_ROLES = ['holder', 'authorized', 'line'] as const;

export const accountLines = sqliteTable(
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
export const phoneDirectory = sqliteTable(
  'phone_directory',
  {
    phone: text('phone').notNull(),
    accountId: integer('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.phone, t.accountId] })],
);

export const incidents = sqliteTable('incidents', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  discoveredOn: text('discovered_on').notNull(),
  summary: text('summary').notNull(),
  possibleFields: text('possible_fields', { mode: 'json' }).$type<string[]>().notNull(),
  approxAffected: integer('approx_affected'),
});

export const exposures = sqliteTable(
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
export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Their line on the account, E.164. */
    phone: text('phone').notNull(),
    webauthnUserId: text('webauthn_user_id').notNull().unique(), // random handle, base64url, no personal data
    /** Their own choice of language for the pages and the codes sent to their line; null until they choose. */
    language: text('language', { enum: ['en', 'es'] }),
    /** Set when the holder removed their access; they cannot enroll again until the holder restores it. */
    accessRemovedAt: integer('access_removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('customers_account_phone_unique').on(t.accountId, t.phone)],
);

export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'admin'] }).notNull(),
  webauthnUserId: text('webauthn_user_id').notNull().unique(),
  createdAt: createdAt(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
});

export const staffInvites = sqliteTable('staff_invites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['agent', 'admin'] }).notNull(),
  invitedByStaffId: integer('invited_by_staff_id').references(() => staff.id),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  staffId: integer('staff_id').references(() => staff.id),
});

export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text('id').primaryKey(), // credential id, base64url
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull().default(false),
    aaguid: text('aaguid'),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('passkeys_customer_idx').on(t.customerId), index('passkeys_staff_idx').on(t.staffId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(), // SHA-256 of the cookie token
    kind: text('kind', { enum: ['customer', 'staff'] }).notNull(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(), // absolute limit
    stepUpAt: integer('step_up_at', { mode: 'timestamp_ms' }), // last passkey verification
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** The passkey this session was signed in with (or created at enrollment): removing it ends the session. */
    passkeyId: text('passkey_id'),
  },
  (t) => [
    index('sessions_customer_idx').on(t.customerId),
    index('sessions_staff_idx').on(t.staffId),
    index('sessions_passkey_idx').on(t.passkeyId),
  ],
);

export const webauthnChallenges = sqliteTable('webauthn_challenges', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  challenge: text('challenge').notNull().unique(),
  purpose: text('purpose', { enum: ['register', 'authenticate', 'step-up'] }).notNull(),
  browserBindingHash: text('browser_binding_hash').notNull(), // ties the challenge to the browser that asked
  customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
  staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export const oneTimeCodes = sqliteTable(
  'one_time_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    invalidatedAt: integer('invalidated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('one_time_codes_account_idx').on(t.accountId)],
);

export const pinHistory = sqliteTable(
  'pin_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
export const pinResets = sqliteTable(
  'pin_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    requestedByCustomerId: integer('requested_by_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    via: text('via', { enum: ['forgot-pin', 'agent-code'] }).notNull(),
    newPinHash: text('new_pin_hash').notNull(),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    effectiveAt: integer('effective_at', { mode: 'timestamp_ms' }).notNull(),
    /** "customer:12", "staff:3" or "superseded" (a PIN change with the current PIN replaced it). */
    cancelledBy: text('cancelled_by'),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
    appliedAt: integer('applied_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('pin_resets_account_idx').on(t.accountId), index('pin_resets_due_idx').on(t.effectiveAt)],
);

// Fixed-window counters; kept in the database so limits hold across restarts and processes.
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: integer('reset_at', { mode: 'timestamp_ms' }).notNull(),
});

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** A message carrying a code is never sent after the code expired. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'expired'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /** The incident whose notice this is, for the sending's progress; null for every other message. */
    incidentId: text('incident_id'),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.nextAttemptAt),
    index('outbox_account_idx').on(t.accountId),
    index('outbox_incident_idx').on(t.incidentId, t.status),
  ],
);

// Append-only and hash-chained: each event carries the hash of the one before.
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorType: text('actor_type', { enum: ['customer', 'staff', 'system', 'operator'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    accountId: integer('account_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
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

// Port-out and SIM protection as the carrier's provisioning system last confirmed them, one row per lock the portal
// was ever asked about: `line` is the E.164 line, or '' for the whole account (a unique key treats NULLs as distinct).
export const protections = sqliteTable(
  'protections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    line: text('line').notNull(),
    lock: text('lock', { enum: PROTECTION_LOCKS }).notNull(),
    /** What provisioning last confirmed with a 2xx: never 'on' before that. */
    confirmed: text('confirmed', { enum: ['on', 'off'] })
      .notNull()
      .default('off'),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    /** The change asked for and not confirmed yet (or failed, with failedAt); null when none is waiting. */
    pending: text('pending', { enum: ['on', 'off'] }),
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
    /** The newest request for this lock: an older one that finishes late does not clear its pending state. */
    requestId: text('request_id'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('protections_lock_idx').on(t.accountId, t.line, t.lock)],
);

// The durable queue of calls to provisioning (DESIGN section 12): the id is also the Idempotency-Key, so a call
// retried after a timeout is applied once by the carrier; claimed with a lease, so one process sends it at a time.
export const provisioningRequests = sqliteTable(
  'provisioning_requests',
  {
    id: text('id').primaryKey(),
    protectionId: integer('protection_id')
      .notNull()
      .references(() => protections.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').notNull(),
    /** As sent: the E.164 line, or null for the whole account. */
    line: text('line'),
    lock: text('lock', { enum: PROTECTION_LOCKS }).notNull(),
    state: text('state', { enum: ['on', 'off'] }).notNull(),
    requestedBy: text('requested_by', { enum: REQUESTERS }).notNull(),
    requestedByCustomerId: integer('requested_by_customer_id'),
    status: text('status', { enum: ['pending', 'applied', 'failed', 'superseded'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('provisioning_due_idx').on(t.status, t.nextAttemptAt), index('provisioning_protection_idx').on(t.protectionId)],
);

// An incident's timeline as administrators record it (audited): the dates the customer-notice deadlines count from.
// The catalogue's discovery date stands until someone records another.
export const incidentTimeline = sqliteTable('incident_timeline', {
  incidentId: text('incident_id')
    .primaryKey()
    .references(() => incidents.id),
  discoveredOn: text('discovered_on'),
  determinedOn: text('determined_on'),
  authoritiesNotifiedOn: text('authorities_notified_on'),
  customersNotifiedOn: text('customers_notified_on'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedByStaffId: integer('updated_by_staff_id'),
});

// One sending of an incident's notices, at most: started once, paused and resumed, worked by every process.
export const noticeCampaigns = sqliteTable('notice_campaigns', {
  incidentId: text('incident_id')
    .primaryKey()
    .references(() => incidents.id),
  status: text('status', { enum: ['sending', 'paused', 'done'] }).notNull(),
  /** Affected accounts when it started. */
  total: integer('total').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  startedByStaffId: integer('started_by_staff_id'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
});

// One notice per account per incident, whatever is clicked twice or restarted: the key refuses a second.
export const incidentNotices = sqliteTable(
  'incident_notices',
  {
    incidentId: text('incident_id').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }).notNull(),
    /** Messages queued for it (email and text to the holder's contacts). */
    channels: integer('channels').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.accountId] })],
);

// Each printable statement's reference, once: the audit log records a reference when it is first issued, not per view.
export const statements = sqliteTable('statements', {
  reference: text('reference').primaryKey(),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['accounts', 'exposures'] }).notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  operator: text('operator').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
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
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }),
});

export type Account = typeof accounts.$inferSelect;
/** An account as the carrier's extracts describe it: its own fields and its lines (demo data, synthetic data). */
export type AccountRecord = Pick<
  Account,
  'accountNumber' | 'accountType' | 'holderName' | 'billingZip' | 'billingAddress' | 'email' | 'birthDate'
> & {
  phones: string[];
};
export type AccountLine = typeof accountLines.$inferSelect;
export type Incident = typeof incidents.$inferSelect;
export type Exposure = typeof exposures.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type PersonRole = (typeof PERSON_ROLES)[number];
export type PinReset = typeof pinResets.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type StaffInvite = typeof staffInvites.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type WebauthnChallenge = typeof webauthnChallenges.$inferSelect;
export type OneTimeCode = typeof oneTimeCodes.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ImportRun = typeof imports.$inferSelect;
export type Statement = typeof statements.$inferSelect;
export type Protection = typeof protections.$inferSelect;
export type NoticeCampaign = typeof noticeCampaigns.$inferSelect;
export type IncidentTimeline = typeof incidentTimeline.$inferSelect;
export type ProvisioningRequest = typeof provisioningRequests.$inferSelect;
export type ProtectionLock = (typeof PROTECTION_LOCKS)[number];
export type Requester = (typeof REQUESTERS)[number];
