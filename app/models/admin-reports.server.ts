// Read-only queries for the administration page: audit log, import history, PIN changes and exposure counts.
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { accounts, auditEvents, exposures, imports, staff } from '../../db/schema';
import { getDb } from './db.server';

export interface AuditFilter {
  actor?: string; // "staff:3", "customer:12", "operator", "system"
  accountNumber?: string;
  action?: string;
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

function auditConditions(filter: AuditFilter, accountId: number | null | undefined): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actor) {
    const [type, id] = filter.actor.split(':');
    conditions.push(eq(auditEvents.actorType, type as 'staff'));
    if (id) conditions.push(eq(auditEvents.actorId, id));
  }
  if (accountId !== undefined) conditions.push(accountId === null ? sql`0` : eq(auditEvents.accountId, accountId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.at, dayStart(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.at, dayAfter(filter.to)));
  return conditions;
}

export async function queryAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  const db = getDb();
  const accountId = filter.accountNumber
    ? (db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, filter.accountNumber)).get()?.id ?? null)
    : undefined;
  const where = and(...auditConditions(filter, accountId));
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()!.n;
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      accountNumber: accounts.accountNumber,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.accountId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { total, rows };
}

export async function listAuditActions(): Promise<string[]> {
  return getDb()
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.action)
    .all()
    .map((row) => row.action);
}

export async function staffNames(): Promise<Map<string, string>> {
  return new Map(
    getDb()
      .select({ id: staff.id, name: staff.name })
      .from(staff)
      .all()
      .map((row) => [String(row.id), row.name]),
  );
}

export async function listImports(limit: number) {
  return getDb().select().from(imports).orderBy(desc(imports.id)).limit(limit).all();
}

/** PIN changes per UTC day from the audit log, from `since` on. */
export async function pinChangesPerDay(since: Date): Promise<Array<{ day: string; changes: number }>> {
  const day = sql<string>`strftime('%Y-%m-%d', ${auditEvents.at} / 1000, 'unixepoch')`;
  return getDb()
    .select({ day, changes: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'pin.changed'), gte(auditEvents.at, since)))
    .groupBy(day)
    .orderBy(day)
    .all();
}

export async function exposedAccountsPerIncident(): Promise<Map<string, number>> {
  return new Map(
    getDb()
      .select({ incidentId: exposures.incidentId, accounts: count() })
      .from(exposures)
      .groupBy(exposures.incidentId)
      .all()
      .map((row) => [row.incidentId, row.accounts]),
  );
}
