import { describe, expect, it } from 'vitest';
import { maskAccountNumber, maskEmail, maskName, maskPhone } from './mask';

describe('masking', () => {
  it.each([
    [maskName, 'Jordan Rivera', 'J•••• R•••••'],
    [maskName, 'Al  B', 'A•••• B•••••'],
    [maskPhone, '+12065550101', '•••-•••-0101'],
    [maskPhone, '12', '•••'],
    [maskEmail, 'jordan@example.com', 'j•••@example.com'],
    [maskEmail, 'broken', '•••'],
    [maskAccountNumber, '100000001', '•••••0001'],
  ])('%o(%s) = %s', (mask, input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});
