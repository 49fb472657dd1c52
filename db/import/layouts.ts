// The headers each kind of file may have, with the schema and fast path of a row under each: one definition, so
// a file is read and validated the same way whichever engine it goes into.
import { canonicalAccountRow, canonicalAccountRowWithPeople } from './account-fast-path';
import { ACCOUNT_COLUMNS, accountRowSchema, accountRowWithPeopleSchema, PEOPLE_COLUMNS, type AccountRow } from './account-row';
import { canonicalExposureRow, EXPOSURE_COLUMNS, exposureRowSchema, type ExposureRow } from './exposure-row';
import type { ImportLayout } from './import-kind';
import type { ImportKindName } from './import-options';

/** The first is the contract's base; later ones add optional columns as a group. */
export type Layouts<Row> = readonly [ImportLayout<Row>, ...ImportLayout<Row>[]];

export const ACCOUNT_LAYOUTS: Layouts<AccountRow> = [
  { columns: ACCOUNT_COLUMNS, schema: accountRowSchema, fastPath: canonicalAccountRow },
  { columns: [...ACCOUNT_COLUMNS, ...PEOPLE_COLUMNS], schema: accountRowWithPeopleSchema, fastPath: canonicalAccountRowWithPeople },
];

export const EXPOSURE_LAYOUTS: Layouts<ExposureRow> = [
  { columns: EXPOSURE_COLUMNS, schema: exposureRowSchema, fastPath: canonicalExposureRow },
];

// Rows stay opaque past this point: each engine's kind stages and applies its own.
export const LAYOUTS: Record<ImportKindName, Layouts<unknown>> = {
  accounts: ACCOUNT_LAYOUTS as unknown as Layouts<unknown>,
  exposures: EXPOSURE_LAYOUTS as unknown as Layouts<unknown>,
};
