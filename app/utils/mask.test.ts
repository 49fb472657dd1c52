import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './mask';

describe('masks', () => {
  it('keeps the first letter and the domain of an email', () => {
    expect(maskEmail('jordan@example.com')).toBe('j•••@example.com');
    expect(maskEmail('not-an-email')).toBe('•••');
  });

  it('keeps the last four digits of a phone number', () => {
    expect(maskPhone('+12065550101')).toBe('•••-•••-0101');
    expect(maskPhone('12')).toBe('•••');
  });
});
