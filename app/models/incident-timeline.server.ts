// Incidents' dates as administrators record them: one row per incident, its four dates replaced on each save.
import { eq } from 'drizzle-orm';
import type { IncidentTimeline } from '../../db/schema';
import { incidentTimeline } from '../../db/tables';
import { getDb } from './db.server';

export type TimelineDates = Pick<IncidentTimeline, 'discoveredOn' | 'determinedOn' | 'authoritiesNotifiedOn' | 'customersNotifiedOn'>;

export async function listIncidentTimelines(): Promise<IncidentTimeline[]> {
  return getDb().all((db) => db.select().from(incidentTimeline));
}

/**
 * Stores an incident's dates; returns the row it replaced (null for the first save), read in the same transaction,
 * so two administrators saving at once each audit the values they really replaced.
 */
export async function upsertIncidentTimeline(
  incidentId: string,
  dates: TimelineDates,
  staffId: number,
  at = new Date(),
): Promise<IncidentTimeline | null> {
  const set = { ...dates, updatedAt: at, updatedByStaffId: staffId };
  return getDb().transaction(
    async (tx) => {
      const before = await tx.get((db) => db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)));
      await tx.run((db) =>
        db
          .insert(incidentTimeline)
          .values({ incidentId, ...set })
          .onConflictDoUpdate({ target: incidentTimeline.incidentId, set }),
      );
      return before ?? null;
    },
    { lock: 'incident timeline' },
  );
}
