// Read-only queries for the administration page: audit log, import history, PIN changes and exposure counts.
import { hostname } from 'node:os';
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { calendarDate, startOfCalendarDate } from '~/utils/format-time';
import { processAlive } from '../../db/process-alive';
import { accounts, auditEvents, exposures, imports, staff } from '../../db/schema';
import { getDb } from './db.server';

export interface AuditFilter {
  actor?: string; // "staff:3", "customer:12", "operator", "system"
  accountNumber?: string;
  action?: string;
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
}

// Days in the filter are Pacific calendar days, like every date a person reads.
const dayStart = (day: string) => startOfCalendarDate(day);
const dayAfter = (day: string) => startOfCalendarDate(calendarDate(new Date(startOfCalendarDate(day).getTime() + 26 * 3_600_000)));

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

/**
 * The newest imports. A run still on record as running whose process on this machine is gone was killed part way:
 * it says so at once ("interrupted"), rather than "running" until the next import notices.
 */
export async function listImports(limit: number) {
  const rows = getDb().select().from(imports).orderBy(desc(imports.id)).limit(limit).all();
  return rows.map((row) =>
    row.outcome === 'running' && row.host === hostname() && row.pid !== null && !processAlive(row.pid)
      ? { ...row, outcome: 'interrupted' as const }
      : row,
  );
}

/** PIN changes per Pacific calendar day from the audit log, from `since` on (grouped here: SQLite knows no US zones). */
export async function pinChangesPerDay(since: Date): Promise<Array<{ day: string; changes: number }>> {
  const rows = getDb()
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(inArray(auditEvents.action, ['pin.changed', 'pin.set', 'pin.reset_applied']), gte(auditEvents.at, since)))
    .orderBy(auditEvents.at)
    .all();
  const perDay = new Map<string, number>();
  for (const { at } of rows) perDay.set(calendarDate(at), (perDay.get(calendarDate(at)) ?? 0) + 1);
  return [...perDay].map(([day, changes]) => ({ day, changes }));
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
