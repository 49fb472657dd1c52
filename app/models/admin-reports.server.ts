// Read-only queries for the administration page: audit log, import history, PIN changes and exposure counts.
import { hostname } from 'node:os';
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { calendarDate, startOfCalendarDate } from '~/utils/format-time';
import { processAlive } from '../../db/process-alive';
import { accounts, auditEvents, exposures, imports, staff } from '../../db/tables';
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
  if (accountId !== undefined) conditions.push(accountId === null ? sql`1 = 0` : eq(auditEvents.accountId, accountId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.at, dayStart(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.at, dayAfter(filter.to)));
  return conditions;
}

export async function queryAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  const db = getDb();
  const accountNumber = filter.accountNumber;
  const accountId = accountNumber
    ? ((await db.get((q) => q.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))?.id ?? null)
    : undefined;
  const where = and(...auditConditions(filter, accountId));
  const total = (await db.get((q) => q.select({ n: count() }).from(auditEvents).where(where)))!.n;
  const rows = await db.all((q) =>
    q
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
      .offset((page - 1) * pageSize),
  );
  return { total, rows };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().all((db) => db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action));
  return rows.map((row) => row.action);
}

export async function staffNames(): Promise<Map<string, string>> {
  const rows = await getDb().all((db) => db.select({ id: staff.id, name: staff.name }).from(staff));
  return new Map(rows.map((row) => [String(row.id), row.name]));
}

/**
 * The newest imports. A run still on record as running whose process on this machine is gone was killed part way:
 * it says so at once ("interrupted"), rather than "running" until the next import notices.
 */
export async function listImports(limit: number) {
  const rows = await getDb().all((db) => db.select().from(imports).orderBy(desc(imports.id)).limit(limit));
  return rows.map((row) =>
    row.outcome === 'running' && row.host === hostname() && row.pid !== null && !processAlive(row.pid)
      ? { ...row, outcome: 'interrupted' as const }
      : row,
  );
}

/** PIN changes per Pacific calendar day from the audit log, from `since` on (grouped here: SQLite knows no US zones). */
export async function pinChangesPerDay(since: Date): Promise<Array<{ day: string; changes: number }>> {
  const rows = await getDb().all((db) =>
    db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(and(inArray(auditEvents.action, ['pin.changed', 'pin.set', 'pin.reset_applied']), gte(auditEvents.at, since)))
      .orderBy(auditEvents.at),
  );
  const perDay = new Map<string, number>();
  for (const { at } of rows) perDay.set(calendarDate(at), (perDay.get(calendarDate(at)) ?? 0) + 1);
  return [...perDay].map(([day, changes]) => ({ day, changes }));
}

export async function exposedAccountsPerIncident(): Promise<Map<string, number>> {
  const rows = await getDb().all((db) =>
    db.select({ incidentId: exposures.incidentId, accounts: count() }).from(exposures).groupBy(exposures.incidentId),
  );
  return new Map(rows.map((row) => [row.incidentId, row.accounts]));
}
