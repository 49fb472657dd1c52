// The rights of DESIGN section 9, enforced where the work is done: a refused right is a 403 with a sentence (the error
// page words it in the page's language).
import { may, type RefusableRight, type Right } from '~/utils/rights';
import type { PersonRole } from '../../db/schema';

export function requireRight(person: { role: PersonRole }, right: RefusableRight): void {
  if (may(person.role, right)) return;
  throw new Response(`messages:refusal.${right}`, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function hasRight(person: { role: PersonRole }, right: Right): boolean {
  return may(person.role, right);
}
