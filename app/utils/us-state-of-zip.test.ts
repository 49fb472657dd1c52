import { describe, expect, it } from 'vitest';
import { stateOfZip } from './us-state-of-zip';

// Each state's (and DC's and Puerto Rico's) lowest ZIP3 prefix, as the USPS lists it.
const FIRST_PREFIX: Record<string, string> = {
  AL: '350',
  AK: '995',
  AZ: '850',
  AR: '716',
  CA: '900',
  CO: '800',
  CT: '060',
  DE: '197',
  DC: '200',
  FL: '320',
  GA: '300',
  HI: '967',
  ID: '832',
  IL: '600',
  IN: '460',
  IA: '500',
  KS: '660',
  KY: '400',
  LA: '700',
  ME: '039',
  MD: '206',
  MA: '010',
  MI: '480',
  MN: '550',
  MS: '386',
  MO: '630',
  MT: '590',
  NE: '680',
  NV: '889',
  NH: '030',
  NJ: '070',
  NM: '870',
  NY: '005',
  NC: '270',
  ND: '580',
  OH: '430',
  OK: '730',
  OR: '970',
  PA: '150',
  PR: '006',
  RI: '028',
  SC: '290',
  SD: '570',
  TN: '370',
  TX: '733',
  UT: '840',
  VT: '050',
  VA: '201',
  WA: '980',
  WV: '247',
  WI: '530',
  WY: '820',
};

describe('stateOfZip', () => {
  it('covers every state, DC and Puerto Rico', () => {
    expect(Object.keys(FIRST_PREFIX)).toHaveLength(52);
  });

  it.each(Object.entries(FIRST_PREFIX))('%s starts at prefix %s', (state, prefix) => {
    expect(stateOfZip(`${prefix}01`)).toBe(state);
    // The prefix just below belongs to another state, or to none.
    const below = String(Number(prefix) - 1).padStart(3, '0');
    expect(stateOfZip(`${below}99`)).not.toBe(state);
  });

  it('places the last prefix of the ranges and the prefixes outside their neighbours', () => {
    expect(stateOfZip('99950')).toBe('AK');
    expect(stateOfZip('96898')).toBe('HI');
    expect(stateOfZip('05501')).toBe('MA'); // Andover, among Vermont's prefixes
    expect(stateOfZip('73301')).toBe('TX'); // Austin, among Oklahoma's
    expect(stateOfZip('88510')).toBe('TX'); // El Paso, after New Mexico's
    expect(stateOfZip('56901')).toBe('DC');
    expect(stateOfZip('20500')).toBe('DC');
    expect(stateOfZip('39901')).toBe('GA');
    expect(stateOfZip('00901')).toBe('PR');
    expect(stateOfZip('98101')).toBe('WA');
  });

  it('reads ZIP+4 with or without its hyphen, and spaces around', () => {
    expect(stateOfZip('98101-1234')).toBe('WA');
    expect(stateOfZip('981011234')).toBe('WA');
    expect(stateOfZip(' 10001 ')).toBe('NY');
  });

  it('is null for the Virgin Islands, the Pacific territories, military mail and unused prefixes', () => {
    for (const zip of [
      '00802',
      '96910',
      '34001',
      '09001',
      '96601',
      '00000',
      '00401',
      '09901',
      '26901',
      '42801',
      '56801',
      '71501',
      '88601',
      '89901',
    ])
      expect(stateOfZip(zip), zip).toBeNull();
  });

  it('is null for anything that is not a ZIP', () => {
    for (const zip of ['', '9810', '981012', '98101-12', 'ABCDE', '98 101', '98101-', '-98101', '９８１０１'])
      expect(stateOfZip(zip), zip).toBeNull();
  });
});
