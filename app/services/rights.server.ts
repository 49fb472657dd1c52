// The rights of DESIGN section 9, enforced where the work is done: a refused right is a 403 with a sentence.
import type { PersonRole } from '../../db/schema';
import { may, REFUSALS, type Right } from '~/utils/rights';

type RefusableRight = keyof typeof REFUSALS;

export function requireRight(person: { role: PersonRole }, right: RefusableRight): void {
  if (may(person.role, right)) return;
  throw new Response(REFUSALS[right], { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function hasRight(person: { role: PersonRole }, right: Right): boolean {
  return may(person.role, right);
}
