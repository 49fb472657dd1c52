// Finding 1: demo mode was on unless NODE_ENV=production, so /dev/outbox showed every code to anyone on a real host,
// and demo PINs were written onto any real account whose number matched a demo one.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountLines, accounts, customers, exposures, phoneDirectory } from '../db/tables';
import { testDatabase } from '../tests/helpers/db';
import { importText, ACCOUNTS_HEADER } from '../tests/helpers/import-files';
import { configWarnings, parseConfig } from './config.server';
import { seedDemoPins } from './services/demo-pins.server';

const base: NodeJS.ProcessEnv = { NODE_ENV: 'development', DATA_DIR: process.env.DATA_DIR };

describe('finding 1: demo mode only on localhost, demo PINs only on the demo accounts', () => {
  it('refuses demo mode with an origin that is not localhost, in one line naming DEMO_MODE', () => {
    for (const env of [{ WEBAUTHN_ORIGIN: 'https://portal.example.com' }, { WEBAUTHN_ORIGIN: 'http://10.0.0.5:3000', DEMO_MODE: 'true' }]) {
      expect(() => parseConfig({ ...base, ...env })).toThrow(
        /^DEMO_MODE: demo mode shows every code and recipient at \/dev\/outbox, so it runs only on http:\/\/localhost; set DEMO_MODE=false to serve .+$/,
      );
    }
  });

  it('keeps demo mode the default for npm start on localhost, and off for a real host when asked', () => {
    expect(parseConfig(base).demoMode).toBe(true);
    expect(parseConfig({ ...base, WEBAUTHN_ORIGIN: 'http://127.0.0.1:3000' }).demoMode).toBe(true);
    expect(parseConfig({ ...base, WEBAUTHN_ORIGIN: 'https://portal.example.com', DEMO_MODE: 'false' }).demoMode).toBe(false);
  });

  it('never gives a demo PIN to a real account that happens to have a demo account number', async () => {
    for (const table of [exposures, accountLines, phoneDirectory, customers, accounts]) await testDatabase().run((db) => db.delete(table));
    await importText('accounts', [ACCOUNTS_HEADER, '100000001,postpaid,Real Person,98006,,,+12065559999,']);
    expect(await seedDemoPins()).toBe(0);
    const account = await testDatabase().get((db) =>
      db.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.accountNumber, '100000001')),
    );
    expect(account!.pinHash).toBeNull();
  });
});

describe('finding 5: a forged X-Forwarded-For when the port is reachable directly', () => {
  it('warns at start-up when TRUST_PROXY is set and HOST is not loopback or private', () => {
    const warnings = (env: Record<string, string>) => configWarnings(parseConfig({ ...base, TRUST_PROXY: '1', ...env }));
    expect(warnings({})).toEqual([
      expect.stringMatching(/^TRUST_PROXY is set but HOST is unset \(every interface\): .+ Bind HOST to 127\.0\.0\.1/),
    ]);
    expect(warnings({ HOST: '0.0.0.0' })).toHaveLength(1);
    expect(warnings({ HOST: '203.0.113.7' })).toHaveLength(1);
    for (const host of ['127.0.0.1', 'localhost', '::1', '10.0.0.4', '192.168.1.2', '172.20.0.3'])
      expect(warnings({ HOST: host }), host).toEqual([]);
    expect(configWarnings(parseConfig(base))).toEqual([]);
  });
});
