// The header row: column names in any order, any case, with stray whitespace; exactly the contract's set.
import type { RowErrors } from './row-errors';

/**
 * Picks the layout the header names (the base one unless it has any of a later layout's extra columns) and returns
 * it with, for each of its columns, the index in the file; null when the header is unusable for it.
 */
export function readHeader<Layout extends { columns: readonly string[] }>(
  fields: readonly string[],
  layouts: readonly [Layout, ...Layout[]],
  errors: RowErrors,
): { layout: Layout; order: number[] } | null {
  const names = fields.map((field) => field.trim().toLowerCase());
  const base = layouts[0];
  const layout =
    layouts.find((candidate) => names.every((name) => candidate.columns.includes(name))) ??
    [...layouts].reverse().find((candidate) => names.some((name) => candidate.columns.includes(name) && !base.columns.includes(name))) ??
    base;
  const order = checkColumns(names, layout.columns, errors);
  return order ? { layout, order } : null;
}

function checkColumns(names: readonly string[], expected: readonly string[], errors: RowErrors): number[] | null {
  let ok = true;
  names.forEach((name, index) => {
    if (!expected.includes(name)) {
      errors.add(1, String(index + 1), `unexpected column ${JSON.stringify(name)}; the header must be ${expected.join(',')}`);
      ok = false;
    } else if (names.indexOf(name) !== index) {
      errors.add(1, String(index + 1), `column ${name} appears twice`);
      ok = false;
    }
  });
  for (const name of expected) {
    if (!names.includes(name)) {
      errors.add(1, name, `missing from the header; the header must be ${expected.join(',')}`);
      ok = false;
    }
  }
  return ok ? expected.map((name) => names.indexOf(name)) : null;
}

export function isIdentityOrder(order: readonly number[]): boolean {
  return order.every((position, index) => position === index);
}
