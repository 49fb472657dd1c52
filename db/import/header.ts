// The header row: column names in any order, any case, with stray whitespace; exactly the contract's set.
import type { RowErrors } from './row-errors';

/** Returns, for each expected column, its index in the file; null when the header is unusable. */
export function readHeader(fields: readonly string[], expected: readonly string[], errors: RowErrors): number[] | null {
  const names = fields.map((field) => field.trim().toLowerCase());
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
