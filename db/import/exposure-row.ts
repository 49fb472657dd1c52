// One exposures.csv row (DESIGN section 5): incident from the catalogue, fields a non-empty subset of its fields.
import { z } from 'zod';
import { EXPOSABLE_FIELDS } from '../fields';
import { findIncident, INCIDENT_IDS } from '../incidents';
import { ACCOUNT_NUMBER } from './account-row';

export const EXPOSURE_COLUMNS = ['account_number', 'incident', 'fields'] as const;

/** Field lists are stored in catalogue order, so "b;a" and "a;b" are the same exposure. */
export function canonicalFields(fields: readonly string[]): string {
  return EXPOSABLE_FIELDS.filter((field) => fields.includes(field)).join(';');
}

export const exposureRowSchema = z
  .object({
    account_number: z.string().trim().regex(ACCOUNT_NUMBER, 'expected 9 digits'),
    incident: z
      .string()
      .trim()
      .toLowerCase()
      .refine((id) => findIncident(id) !== undefined, `unknown incident; expected one of ${INCIDENT_IDS.join(', ')}`),
    fields: z
      .string()
      .transform((list) => [
        ...new Set(
          list
            .split(';')
            .map((field) => field.trim().toLowerCase())
            .filter((field) => field !== ''),
        ),
      ])
      .pipe(z.array(z.string()).min(1, 'required: at least one field')),
  })
  .superRefine((row, ctx) => {
    const incident = findIncident(row.incident);
    if (!incident) return;
    const outside = row.fields.filter((field) => !(incident.possibleFields as readonly string[]).includes(field));
    if (outside.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['fields'],
        message: `${outside.join(', ')} not among ${incident.id}'s fields (${incident.possibleFields.join(', ')})`,
      });
    }
  })
  .transform((row) => ({ account_number: row.account_number, incident: row.incident, fields: canonicalFields(row.fields) }));

export type ExposureRow = z.output<typeof exposureRowSchema>;

// Canonical "incident|fields" pairs seen so far; a real file repeats a handful of field sets, so this stays tiny.
const canonicalPairs = new Set<string>();

/** Accepts rows already in canonical form without zod; returns null to let the schema decide. */
export function canonicalExposureRow(fields: readonly string[]): ExposureRow | null {
  const [accountNumber, incident, list] = fields as string[];
  if (!ACCOUNT_NUMBER.test(accountNumber!)) return null;
  const key = `${incident}|${list}`;
  if (!canonicalPairs.has(key)) {
    const parsed = exposureRowSchema.safeParse({ account_number: accountNumber, incident, fields: list });
    if (!parsed.success || parsed.data.incident !== incident || parsed.data.fields !== list) return null;
    if (canonicalPairs.size < 10_000) canonicalPairs.add(key);
  }
  return { account_number: accountNumber!, incident: incident!, fields: list! };
}
