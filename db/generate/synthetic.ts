// Deterministic synthetic customers and their incident exposures, with the shares DESIGN section 1 describes.
import type { ExposableField } from '../fields';
import { findIncident } from '../incidents';
import type { AccountRecord } from '../schema';
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREETS } from './names';
import { Random } from './random';

export type SyntheticAccount = AccountRecord;

export interface SyntheticExposure {
  accountNumber: string;
  incident: string;
  fields: ExposableField[];
}

/** Shares of all accounts per incident; 2019 only ever picks prepaid accounts. */
export const SHARES = { '2018-08-api': 0.027, '2019-11-prepaid-of-prepaid': 0.05, '2020-03-email-vendor': 0.004 };
const PREPAID_SHARE = 0.2;

// Account numbers: an affine permutation of 200000000..999999999, so unique without a lookup table
// (and clear of the demo accounts' 1000000xx range).
const ACCOUNT_RANGE = 800_000_000;
const ACCOUNT_STEP = 387_420_489; // 3^18, coprime with 800 000 000

// Phones: NANP-shaped +1 NPA 555 XXXX, NPA 2-9 / 0-8 / 0-9 without N11, lines 0200-9999
// (0100-0199 are the demo data's); permuted like account numbers, unique up to ~7 million numbers.
const AREA_CODES = buildAreaCodes();
const LINES_PER_AREA = 9800;
const PHONE_RANGE = AREA_CODES.length * LINES_PER_AREA;
const PHONE_STEP = 1_594_323; // 3^13, coprime with the range (2^6 * 5^2 * 7^2 * 89)

function buildAreaCodes(): number[] {
  const codes: number[] = [];
  for (let code = 200; code < 1000; code++) {
    const middle = Math.floor(code / 10) % 10;
    if (middle === 9 || code % 100 === 11) continue;
    codes.push(code);
  }
  return codes;
}

export function* syntheticAccounts(count: number, seed: number): Generator<{ account: SyntheticAccount; exposures: SyntheticExposure[] }> {
  const random = new Random(seed);
  const accountOffset = random.int(ACCOUNT_RANGE);
  const phoneOffset = random.int(PHONE_RANGE);
  let phoneIndex = 0;
  const nextPhone = () => {
    const n = (phoneIndex++ * PHONE_STEP + phoneOffset) % PHONE_RANGE;
    const area = AREA_CODES[Math.floor(n / LINES_PER_AREA)]!;
    const line = 200 + (n % LINES_PER_AREA);
    return `+1${area}555${String(line).padStart(4, '0')}`;
  };

  for (let i = 0; i < count; i++) {
    const accountNumber = String(200_000_000 + ((i * ACCOUNT_STEP + accountOffset) % ACCOUNT_RANGE));
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const nickname = random.chance(0.001) ? ` "${first.slice(0, 3)}"` : '';
    const accountType = random.chance(PREPAID_SHARE) ? 'prepaid' : 'postpaid';
    const zip = String(1000 + random.int(98_950)).padStart(5, '0');
    const phoneCount = random.chance(0.7) ? 1 : random.chance(0.67) ? 2 : 3 + random.int(2);
    const phones: string[] = [];
    for (let p = 0; p < phoneCount; p++) phones.push(nextPhone());
    const account: SyntheticAccount = {
      accountNumber,
      accountType,
      holderName: `${first}${nickname} ${last}`,
      billingZip: random.chance(0.15) ? `${zip}-${String(random.int(10_000)).padStart(4, '0')}` : zip,
      billingAddress: random.chance(0.9) ? `${1 + random.int(9999)} ${random.pick(STREETS)}, ${random.pick(CITIES)}` : null,
      email: random.chance(0.85) ? `${first}.${last}${i}@${random.pick(EMAIL_DOMAINS)}`.toLowerCase().replace("'", '') : null,
      phones,
      birthDate: random.chance(0.6) ? birthDate(random) : null,
    };
    const exposures: SyntheticExposure[] = [];
    if (random.chance(SHARES['2018-08-api'])) exposures.push(exposure(random, accountNumber, '2018-08-api', 0.8));
    if (accountType === 'prepaid' && random.chance(SHARES['2019-11-prepaid-of-prepaid'])) {
      exposures.push(exposure(random, accountNumber, '2019-11-prepaid', 0.7));
    }
    if (random.chance(SHARES['2020-03-email-vendor'])) exposures.push(exposure(random, accountNumber, '2020-03-email-vendor', 0.3));
    yield { account, exposures };
  }
}

/** Either every field the incident could expose, or a partial set that always names the account. */
function exposure(random: Random, accountNumber: string, incident: string, fullShare: number): SyntheticExposure {
  const possible = findIncident(incident)!.possibleFields;
  const full = random.chance(fullShare);
  const fields = possible.filter((field) => full || field === 'account_number' || field === 'name' || random.chance(0.5));
  return { accountNumber, incident, fields };
}

function birthDate(random: Random): string {
  const year = 1940 + random.int(66);
  const month = 1 + random.int(12);
  const day = 1 + random.int(28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
