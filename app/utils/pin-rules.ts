/**
 * Account PIN rules, shared by the PIN form (live feedback while typing) and the server (final say).
 * Pure and dependency-free so the same code runs in the browser and in Node.
 * Its messages (in the catalogs) never repeat the PIN or the customer's data: they may be shown on a shared screen.
 */
import { COMMON_PINS } from './common-pins';

export type PinRuleId =
  'digits' | 'length' | 'repeated' | 'sequence' | 'pattern' | 'common' | 'phone' | 'account' | 'birthDate' | 'confirm' | 'reused';

export interface PinContext {
  /** Phone numbers on the account, in E.164 (`+12065550101`). */
  phones: readonly string[];
  /** The 9-digit account number. */
  accountNumber: string;
  /** Date of birth as YYYY-MM-DD, when known. */
  birthDate?: string | null;
}

/** A rule's checklist line and its message when broken are in the catalogs: pin:rules.<id>.description / .message. */
export interface PinRule {
  id: PinRuleId;
  /** Checked only on the server (needs stored hashes); listed so the UI can show it. */
  serverOnly?: boolean;
}

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 15;

export const PIN_RULES: readonly PinRule[] = Object.freeze([
  { id: 'digits' },
  { id: 'length' },
  { id: 'repeated' },
  { id: 'sequence' },
  { id: 'pattern' },
  { id: 'common' },
  { id: 'phone' },
  { id: 'account' },
  { id: 'birthDate' },
  { id: 'confirm' },
  { id: 'reused', serverOnly: true },
]);

const DIGITS_ONLY = /^[0-9]*$/;

function isOneDigitRepeated(pin: string): boolean {
  return [...pin].every((digit) => digit === pin[0]);
}

/** Every step is +1 (mod 10) or every step is -1 (mod 10), so 890123 and 321098 count. */
function isRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) {
    steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  }
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** A block of 2 to half the PIN's length repeated, a trailing partial block allowed (1231231). */
function isRepeatedBlock(pin: string): boolean {
  if (isOneDigitRepeated(pin)) return false; // reported by the 'repeated' rule instead
  for (let size = 2; size <= pin.length / 2; size++) {
    if ([...pin].every((digit, i) => digit === pin[i % size])) return true;
  }
  return false;
}

/**
 * Phone rule: refused when the PIN is part of the number (with or without the +1 country code),
 * or contains its first 6 national digits (area code + exchange) or its last 4.
 */
function touchesPhone(pin: string, phones: readonly string[]): boolean {
  return phones.some((phone) => {
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 10) return false; // not a dialable number; nothing meaningful to compare
    const national = digits.slice(-10);
    return digits.includes(pin) || pin.includes(national.slice(0, 6)) || pin.includes(national.slice(-4));
  });
}

function touchesAccount(pin: string, accountNumber: string): boolean {
  const account = accountNumber.replace(/\D/g, '');
  return account !== '' && (account.includes(pin) || pin.includes(account));
}

/** The ways people write a birth date as digits: MMDDYY, MMDDYYYY, YYYYMMDD, DDMMYYYY, DDMMYY, YYMMDD. */
function birthDateForms(birthDate: string | null | undefined): string[] {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return [];
  const yyyy = birthDate.slice(0, 4);
  const yy = birthDate.slice(2, 4);
  const mm = birthDate.slice(5, 7);
  const dd = birthDate.slice(8, 10);
  return [mm + dd + yy, mm + dd + yyyy, yyyy + mm + dd, dd + mm + yyyy, dd + mm + yy, yy + mm + dd];
}

const CONTENT_CHECKS: ReadonlyArray<[PinRuleId, (pin: string, context: PinContext) => boolean]> = [
  ['repeated', (pin) => isOneDigitRepeated(pin)],
  ['sequence', (pin) => isRun(pin)],
  ['pattern', (pin) => isRepeatedBlock(pin)],
  ['common', (pin) => COMMON_PINS.has(pin)],
  ['phone', (pin, context) => touchesPhone(pin, context.phones)],
  ['account', (pin, context) => touchesAccount(pin, context.accountNumber)],
  ['birthDate', (pin, context) => birthDateForms(context.birthDate).some((form) => pin.includes(form))],
];

/**
 * Returns the ids of the broken rules, in PIN_RULES order; [] means acceptable apart from the
 * server-only reuse check. The PIN is not trimmed: normalising input is the caller's job.
 * `confirmation` is compared only when given (pass undefined while the field is untouched).
 */
export function checkPin(pin: string, context: PinContext, confirmation?: string): PinRuleId[] {
  const broken = new Set<PinRuleId>();
  const digitsOnly = DIGITS_ONLY.test(pin);
  if (!digitsOnly) broken.add('digits');
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) broken.add('length');

  // Below the minimum the customer is still typing and every prefix would trip some rule.
  if (digitsOnly && pin.length >= PIN_MIN_LENGTH) {
    for (const [id, isBroken] of CONTENT_CHECKS) {
      if (isBroken(pin, context)) broken.add(id);
    }
  }

  if (confirmation !== undefined && confirmation !== pin) broken.add('confirm');
  return PIN_RULES.map((rule) => rule.id).filter((id) => broken.has(id));
}
