// What the accounts plan (accounts-pg.ts) holds that later statements read back: a row's marked lines
// (account-changes.ts) as one comma-separated text, cheaper to COPY than an array and compared as one value; and
// its account's id, the existing one or its new one from the block reserved for the new accounts.
export const LINE_SEPARATOR = ',';

/**
 * The plan rows that match `where`, once per marked line, as "m" beside `columns`, all as "p": set-returning in the
 * select list, which PostgreSQL runs in one pass (a LATERAL function scan materializes each row's lines apart, at
 * twice the cost).
 */
export const eachLine = (columns: string, where = 'true') =>
  `(SELECT unnest(string_to_array(p.lines, '${LINE_SEPARATOR}')) AS m, ${columns} FROM plan_accounts p WHERE ${where}) p`;

/** The account id of plan row "p", given the id before the reserved block (reserve-ids.ts). */
export const plannedAccountId = (beforeFirstId: number) => `coalesce(p.existing_id, ${beforeFirstId} + p.new_rank)::integer`;
