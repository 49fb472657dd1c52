// Masking for staff screens and statements: enough to confirm with a caller, not enough to reuse.
const DOT = '•';

/** "Jordan Rivera" → "J•••• R•••••": fixed-width masks, so the length of a name is not revealed either. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part, index) => part[0] + DOT.repeat(index === 0 ? 4 : 5))
    .join(' ');
}

/** "+12065550101" → "•••-•••-0101" */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? DOT.repeat(3) : `${DOT.repeat(3)}-${DOT.repeat(3)}-${digits.slice(-4)}`;
}

/** "jordan@example.com" → "j•••@example.com" */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return DOT.repeat(3);
  return `${email[0]}${DOT.repeat(3)}${email.slice(at)}`;
}

/** "100000001" → "•••••0001" */
export function maskAccountNumber(accountNumber: string): string {
  return DOT.repeat(Math.max(0, accountNumber.length - 4)) + accountNumber.slice(-4);
}
