// Incident notices: who an incident's notice goes to, one campaign per incident, one notice per account (the key
// refuses a second), the outbox rows it queued, and the per-second budget that throttles it across processes.
import { and, asc, count, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import type { Queries } from '../../db/database';
import type { NoticeCampaign } from '../../db/schema';
import { accountLines, accounts, exposures, incidentNotices, noticeCampaigns, outbox, rateLimits } from '../../db/tables';
import { getDb } from './db.server';

export async function countAffectedAccounts(incidentId: string): Promise<number> {
  return (await getDb().get((db) => db.select({ n: count() }).from(exposures).where(eq(exposures.incidentId, incidentId))))?.n ?? 0;
}

/** The counts a preview shows: languages, channels, and the billing ZIPs' first three digits (for the states). */
export async function affectedAccountCounts(incidentId: string) {
  const db = getDb();
  const affected = and(eq(exposures.incidentId, incidentId));
  const [byLanguage, withEmail, withHolderLine, byZip3] = await Promise.all([
    db.all((q) =>
      q
        .select({ language: accounts.language, accounts: count() })
        .from(exposures)
        .innerJoin(accounts, eq(accounts.id, exposures.accountId))
        .where(affected)
        .groupBy(accounts.language),
    ),
    db.get((q) =>
      q
        .select({ n: count() })
        .from(exposures)
        .innerJoin(accounts, eq(accounts.id, exposures.accountId))
        .where(and(affected, isNotNull(accounts.email))),
    ),
    db.get((q) =>
      q
        .select({ n: count() })
        .from(exposures)
        .innerJoin(accountLines, and(eq(accountLines.accountId, exposures.accountId), eq(accountLines.role, 'holder')))
        .where(affected),
    ),
    db.all((q) =>
      q
        .select({ zip3: sql<string>`substr(${accounts.billingZip}, 1, 3)`, accounts: count() })
        .from(exposures)
        .innerJoin(accounts, eq(accounts.id, exposures.accountId))
        .where(affected)
        .groupBy(sql`substr(${accounts.billingZip}, 1, 3)`),
    ),
  ]);
  return { byLanguage, email: withEmail?.n ?? 0, sms: withHolderLine?.n ?? 0, byZip3 };
}

/** Each affected account's exposed fields, in account order from `afterAccountId`: for the regulator summary. */
export async function affectedAccountsPage(incidentId: string, afterAccountId: number, limit: number) {
  return getDb().all((db) =>
    db
      .select({ accountId: exposures.accountId, fields: exposures.fields, billingZip: accounts.billingZip })
      .from(exposures)
      .innerJoin(accounts, eq(accounts.id, exposures.accountId))
      .where(and(eq(exposures.incidentId, incidentId), sql`${exposures.accountId} > ${afterAccountId}`))
      .orderBy(asc(exposures.accountId))
      .limit(limit),
  );
}

export interface NoticeRecipient {
  accountId: number;
  accountNumber: string;
  language: 'en' | 'es';
  email: string | null;
  holderLine: string | null;
  fields: string;
}

/** Affected accounts with no notice for the incident yet, in account order: the next ones to notify. */
export async function accountsAwaitingNotice(tx: Queries, incidentId: string, limit: number): Promise<NoticeRecipient[]> {
  return tx.all((db) =>
    db
      .select({
        accountId: accounts.id,
        accountNumber: accounts.accountNumber,
        language: accounts.language,
        email: accounts.email,
        holderLine: accountLines.phone,
        fields: exposures.fields,
      })
      .from(exposures)
      .innerJoin(accounts, eq(accounts.id, exposures.accountId))
      .leftJoin(accountLines, and(eq(accountLines.accountId, accounts.id), eq(accountLines.role, 'holder')))
      .where(
        and(
          eq(exposures.incidentId, incidentId),
          // Accounts are noticed in account order: start after the last one, so a batch never rescans those done.
          sql`${exposures.accountId} >= coalesce((select max(${incidentNotices.accountId}) from ${incidentNotices} where ${incidentNotices.incidentId} = ${incidentId}), 0)`,
          notExists(
            db
              .select({ one: sql`1` })
              .from(incidentNotices)
              .where(and(eq(incidentNotices.incidentId, incidentId), eq(incidentNotices.accountId, exposures.accountId))),
          ),
        ),
      )
      .orderBy(asc(exposures.accountId))
      .limit(limit),
  );
}

/** Claims the account's one notice for the incident; false when it already has one (another click, process or run). */
export async function claimNotice(tx: Queries, incidentId: string, accountId: number, channels: number, now: Date): Promise<boolean> {
  const inserted = await tx.run((db) =>
    db.insert(incidentNotices).values({ incidentId, accountId, queuedAt: now, channels }).onConflictDoNothing(),
  );
  return inserted === 1;
}

export async function getCampaign(incidentId: string): Promise<NoticeCampaign | null> {
  return (await getDb().get((db) => db.select().from(noticeCampaigns).where(eq(noticeCampaigns.incidentId, incidentId)))) ?? null;
}

export async function campaignStatusIn(tx: Queries, incidentId: string): Promise<NoticeCampaign['status'] | null> {
  return (
    (
      await tx.get((db) =>
        db.select({ status: noticeCampaigns.status }).from(noticeCampaigns).where(eq(noticeCampaigns.incidentId, incidentId)),
      )
    )?.status ?? null
  );
}

export async function listCampaigns(status?: NoticeCampaign['status']): Promise<NoticeCampaign[]> {
  return getDb().all((db) =>
    db
      .select()
      .from(noticeCampaigns)
      .where(status ? eq(noticeCampaigns.status, status) : undefined),
  );
}

/** Starts the incident's one campaign; false when it was started before (a second click, another browser). */
export async function createCampaign(incidentId: string, total: number, staffId: number, now: Date): Promise<boolean> {
  const inserted = await getDb().run((db) =>
    db
      .insert(noticeCampaigns)
      .values({ incidentId, status: 'sending', total, startedAt: now, startedByStaffId: staffId, updatedAt: now })
      .onConflictDoNothing(),
  );
  return inserted === 1;
}

/** Moves a campaign from one of `from` to `to`; false when it was in none of them. */
export async function moveCampaign(
  incidentId: string,
  from: NoticeCampaign['status'][],
  to: NoticeCampaign['status'],
  now: Date,
  tx: Queries = getDb(),
): Promise<boolean> {
  const moved = await tx.run((db) =>
    db
      .update(noticeCampaigns)
      .set({ status: to, updatedAt: now, ...(to === 'done' ? { finishedAt: now } : {}) })
      .where(and(eq(noticeCampaigns.incidentId, incidentId), inArray(noticeCampaigns.status, from))),
  );
  return moved === 1;
}

/** Notices queued for the incident, and its messages by delivery status. */
export async function noticeProgress(incidentId: string) {
  const db = getDb();
  const [notices, messages] = await Promise.all([
    db.get((q) => q.select({ n: count() }).from(incidentNotices).where(eq(incidentNotices.incidentId, incidentId))),
    db.all((q) =>
      q.select({ status: outbox.status, n: count() }).from(outbox).where(eq(outbox.incidentId, incidentId)).groupBy(outbox.status),
    ),
  ]);
  const byStatus = Object.fromEntries(messages.map((row) => [row.status, row.n])) as Partial<Record<string, number>>;
  return {
    accounts: notices?.n ?? 0,
    messages: { pending: byStatus.pending ?? 0, sent: byStatus.sent ?? 0, failed: (byStatus.failed ?? 0) + (byStatus.expired ?? 0) },
  };
}

/**
 * Takes up to `want` from this second's budget of `limit`, shared by every process through one row; returns how many
 * it got (0 once the second's budget is spent).
 */
export async function takeFromBudget(tx: Queries, key: string, want: number, limit: number, resetAt: Date): Promise<number> {
  await tx.run((db) => db.insert(rateLimits).values({ key, count: 0, resetAt }).onConflictDoNothing({ target: rateLimits.key }));
  const used = (await tx.get((db) => db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key))))?.count ?? 0;
  const granted = Math.max(0, Math.min(want, limit - used));
  if (granted > 0)
    await tx.run((db) =>
      db
        .update(rateLimits)
        .set({ count: used + granted })
        .where(eq(rateLimits.key, key)),
    );
  return granted;
}
