// Masks for contacts shown where the full value is not needed (logs, agent console): enough to recognise, not to use.

/** jordan@example.com → j•••@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** +12065550101 → •••-•••-0101 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '•••' : `•••-•••-${digits.slice(-4)}`;
}
