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

/** Why a right is refused, in the words the person reads on the page. */
export const REFUSALS: Record<Exclude<Right, 'read-exposure' | 'manage-own-passkeys' | 'protect-own-line'>, string> = {
  'change-pin': 'Only the account holder can change the account PIN. You can ask them to: choose "Ask the account holder".',
  'protect-account': 'Only the account holder or an authorized user can turn on protection for the whole account.',
  'protect-any-line': 'You can turn on protection for your own line only.',
  'remove-protection': 'Only the account holder can turn a protection off.',
  'manage-people': 'Only the account holder can see and manage the people on this account.',
  'print-statement': 'The statement of exposure is for the account holder and authorized users. Ask the account holder for a copy.',
};

export const ROLE_NAMES: Record<PersonRole, string> = {
  holder: 'Account holder',
  authorized: 'Authorized user',
  line: 'Line user',
};
