// What each person on an account may do (DESIGN section 9). Pages use it to offer only what is allowed; the services
// check it again (requireRight), so a form posted by hand gets a 403 and a sentence, and nothing changes.
import type { PersonRole } from '../../db/schema';

export type Right =
  | 'read-exposure'
  | 'manage-own-passkeys'
  | 'change-pin'
  | 'protect-account'
  | 'protect-any-line'
  | 'protect-own-line'
  | 'remove-protection'
  | 'manage-people'
  | 'print-statement';

const RIGHTS: Record<PersonRole, ReadonlySet<Right>> = {
  holder: new Set<Right>([
    'read-exposure',
    'manage-own-passkeys',
    'change-pin',
    'protect-account',
    'protect-any-line',
    'protect-own-line',
    'remove-protection',
    'manage-people',
    'print-statement',
  ]),
  authorized: new Set<Right>([
    'read-exposure',
    'manage-own-passkeys',
    'protect-account',
    'protect-any-line',
    'protect-own-line',
    'print-statement',
  ]),
  line: new Set<Right>(['read-exposure', 'manage-own-passkeys', 'protect-own-line']),
};

export function may(role: PersonRole, right: Right): boolean {
  return RIGHTS[role].has(right);
}

/** The rights a person can be refused, each with its sentence in the catalogs (messages:refusal.<right>). */
export const REFUSABLE = [
  'change-pin',
  'protect-account',
  'protect-any-line',
  'remove-protection',
  'manage-people',
  'print-statement',
] as const;
export type RefusableRight = (typeof REFUSABLE)[number];
