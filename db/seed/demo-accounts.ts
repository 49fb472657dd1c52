// The demo data set: every case worth seeing on the dashboard, one account each (README lists them).
import type { ExposableField } from '../fields';
import type { AccountRecord } from '../schema';

export interface DemoAccount extends AccountRecord {
  /** The holder's own line (the first of phones unless said); lines of authorized users; every other line is a line user's. */
  holderPhone?: string;
  authorizedPhones?: string[];
  language?: 'en' | 'es';
  exposures: Partial<Record<string, ExposableField[]>>;
  /** What the customer will see, for the README. */
  shows: string;
}

/** Demo PINs were set before the incidents, so every exposed demo customer still has the step to do. */
export const DEMO_PIN_SET_ON = new Date(Date.UTC(2017, 5, 15, 18)); // mid-June, the same day in every US time zone

/** The old PIN of a demo account (7391 and the account number's last two digits); 100000002 has none. */
export function demoPin(accountNumber: string): string | null {
  return accountNumber === '100000002' ? null : `7391${accountNumber.slice(-2)}`;
}

const ALL_2018: ExposableField[] = ['name', 'billing_zip', 'phone_number', 'email_address', 'account_number', 'account_type'];
const ALL_2019: ExposableField[] = ['name', 'billing_address', 'phone_number', 'account_number', 'rate_plan', 'plan_features'];
const ALL_2020: ExposableField[] = [...ALL_2019, 'billing_information'];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    accountNumber: '100000001',
    accountType: 'postpaid',
    holderName: 'Jordan Rivera',
    billingZip: '98006',
    billingAddress: '1 Main St, Bellevue WA',
    email: 'jordan@example.com',
    birthDate: '1984-03-09',
    phones: ['+12065550101', '+12065550102'],
    exposures: { '2018-08-api': ALL_2018 },
    shows: '2018 only, every 2018 field; two lines',
  },
  {
    accountNumber: '100000002',
    accountType: 'postpaid',
    holderName: 'Avery Chen',
    billingZip: '98101',
    billingAddress: '200 Pine St, Seattle WA',
    email: 'avery@example.com',
    birthDate: '1990-11-23',
    phones: ['+12065550103'],
    exposures: {},
    shows: 'In no incident',
  },
  {
    accountNumber: '100000003',
    accountType: 'postpaid',
    holderName: 'Sam Patel',
    billingZip: '98052-1234',
    billingAddress: '15 Lake Ave, Redmond WA',
    email: 'sam@example.com',
    birthDate: '1975-06-30',
    phones: ['+12065550104'],
    exposures: { '2018-08-api': ['name', 'phone_number', 'email_address'] },
    shows: '2018 only, some fields (name, phone, email): ZIP and account number were not exposed',
  },
  {
    accountNumber: '100000004',
    accountType: 'prepaid',
    holderName: 'Riley Johnson',
    billingZip: '97201',
    billingAddress: '8 Oak St, Portland OR',
    email: 'riley@example.com',
    birthDate: '2001-01-15',
    phones: ['+15035550105'],
    exposures: { '2019-11-prepaid': ALL_2019 },
    shows: 'Prepaid, 2019 only, every 2019 field',
  },
  {
    accountNumber: '100000005',
    accountType: 'prepaid',
    holderName: 'Morgan Lee',
    billingZip: '97035',
    billingAddress: '42 Elm Rd, Lake Oswego OR',
    email: 'morgan@example.com',
    birthDate: null,
    phones: ['+15035550106'],
    exposures: { '2019-11-prepaid': ['name', 'phone_number', 'rate_plan'] },
    shows: 'Prepaid, 2019 only, some fields (name, phone, rate plan)',
  },
  {
    accountNumber: '100000006',
    accountType: 'postpaid',
    holderName: 'Casey Nguyen',
    billingZip: '94107',
    billingAddress: '77 King St, San Francisco CA',
    email: 'casey@example.com',
    birthDate: '1968-09-02',
    phones: ['+14155550107'],
    exposures: { '2020-03-email-vendor': ALL_2020 },
    shows: '2020 only, every 2020 field including billing information',
  },
  {
    accountNumber: '100000007',
    accountType: 'postpaid',
    holderName: 'Taylor Brooks',
    billingZip: '10001',
    billingAddress: '350 5th Ave, New York NY',
    email: 'taylor@example.com',
    birthDate: '1988-12-01',
    phones: ['+12125550108'],
    exposures: { '2018-08-api': ALL_2018, '2020-03-email-vendor': ['name', 'phone_number', 'account_number', 'billing_address'] },
    shows: '2018 (every field) and 2020 (some fields)',
  },
  {
    accountNumber: '100000008',
    accountType: 'prepaid',
    holderName: 'Jamie Garcia',
    billingZip: '60601',
    billingAddress: '233 Wacker Dr, Chicago IL',
    email: 'jamie@example.com',
    birthDate: '1995-04-18',
    phones: ['+13125550109'],
    exposures: { '2018-08-api': ALL_2018, '2019-11-prepaid': ALL_2019, '2020-03-email-vendor': ALL_2020 },
    shows: 'All three incidents, every field',
  },
  {
    accountNumber: '100000009',
    accountType: 'postpaid',
    holderName: 'Drew Kim',
    billingZip: '73301',
    billingAddress: '1100 Congress Ave, Austin TX',
    email: 'drew@example.com',
    birthDate: '1979-07-04',
    phones: ['+15125550110', '+15125550111', '+15125550112', '+15125550113'],
    holderPhone: '+15125550110',
    authorizedPhones: ['+15125550111'],
    exposures: { '2018-08-api': ['name', 'phone_number', 'account_number', 'billing_zip'] },
    shows:
      'Family account: holder on 0110, an authorized user on 0111, line users on 0112 and 0113; 2018, the port-out kit (account number, ZIP, phone)',
  },
  {
    accountNumber: '100000010',
    accountType: 'prepaid',
    holderName: 'Alex Morgan',
    billingZip: '33101',
    billingAddress: '1 Ocean Dr, Miami FL',
    email: null,
    birthDate: '1999-02-28',
    phones: ['+13055550114'],
    exposures: { '2019-11-prepaid': ['name', 'billing_address', 'phone_number', 'account_number'] },
    shows: 'No email on file (codes go by text only); prepaid, 2019',
  },
  {
    accountNumber: '100000011',
    accountType: 'postpaid',
    holderName: 'Pat Quinn',
    billingZip: '02108',
    billingAddress: null,
    email: null,
    birthDate: null,
    phones: ['+16175550115'],
    exposures: { '2020-03-email-vendor': ['name', 'billing_information'] },
    shows: 'No email, address or birth date on file; 2020, name and billing information only',
  },
  {
    accountNumber: '100000012',
    accountType: 'prepaid',
    holderName: 'Robin Diaz',
    billingZip: '85004',
    billingAddress: '400 Central Ave, Phoenix AZ',
    email: 'robin@example.com',
    birthDate: '1983-10-10',
    phones: ['+16025550116'],
    language: 'es',
    exposures: { '2018-08-api': ['name', 'phone_number', 'account_type'], '2019-11-prepaid': ALL_2019 },
    shows: '2018 (some fields) and 2019 (every field); notices in Spanish (import language es)',
  },
  {
    accountNumber: '100000013',
    accountType: 'postpaid',
    holderName: 'Lee Walker',
    billingZip: '80202',
    billingAddress: '1600 Glenarm Pl, Denver CO',
    email: 'lee@example.com',
    birthDate: '1960-05-05',
    phones: ['+17205550117', '+17205550118'],
    exposures: { '2020-03-email-vendor': ['billing_address', 'rate_plan', 'plan_features'] },
    shows: '2020 only, without name, phone or account number; two lines',
  },
];

/** The role of each demo line, as an import with holder_phone and authorized_phones would store it. */
export function demoLineRole(demo: DemoAccount, phone: string): 'holder' | 'authorized' | 'line' {
  if (phone === (demo.holderPhone ?? demo.phones[0])) return 'holder';
  return demo.authorizedPhones?.includes(phone) ? 'authorized' : 'line';
}
