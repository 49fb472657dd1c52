import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.server';

const base: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATA_DIR: process.env.DATA_DIR };

describe('notifier configuration', () => {
  it('logs by default', () => {
    expect(parseConfig(base).notify).toEqual({ transport: 'log', smtp: null, smsWebhook: null });
  });

  it('needs SMTP_URL for smtp and SMS_WEBHOOK_URL for webhook, naming the variable', () => {
    expect(() => parseConfig({ ...base, NOTIFY_TRANSPORT: 'smtp' })).toThrow(/^SMTP_URL: expected/);
    expect(() => parseConfig({ ...base, NOTIFY_TRANSPORT: 'webhook' })).toThrow(/^SMS_WEBHOOK_URL: expected/);
    expect(() => parseConfig({ ...base, NOTIFY_TRANSPORT: 'pigeon' })).toThrow(/^NOTIFY_TRANSPORT: expected log, smtp or webhook/);
  });

  it('never echoes a malformed URL, which may hold a password', () => {
    const attempt = () => parseConfig({ ...base, NOTIFY_TRANSPORT: 'smtp', SMTP_URL: 'user:hunter2@mail' });
    expect(attempt).toThrow(/^SMTP_URL: expected a URL such as smtp:\/\/user:pass@host:587$/);
  });

  it('accepts smtp with an optional SMS webhook and token', () => {
    const { notify } = parseConfig({
      ...base,
      NOTIFY_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://u:p@mail.example.com:587',
      SMTP_FROM: 'Portal <portal@example.com>',
      SMS_WEBHOOK_URL: 'https://sms.example.com/send',
      SMS_WEBHOOK_TOKEN: 't0ken',
    });
    expect(notify).toEqual({
      transport: 'smtp',
      smtp: { url: 'smtp://u:p@mail.example.com:587', from: 'Portal <portal@example.com>' },
      smsWebhook: { url: 'https://sms.example.com/send', token: 't0ken' },
    });
  });
});

describe('secrets in configuration errors', () => {
  it.each(['SESSION_SECRET', 'PIN_PEPPER'])('names %s without repeating the value', (variable) => {
    const attempt = () => parseConfig({ ...base, [variable]: 'short-but-secret' });
    expect(attempt).toThrow(new RegExp(`^${variable}: expected at least 32 characters$`));
  });

  it('still shows ordinary bad values, to help fix them', () => {
    expect(() => parseConfig({ ...base, PORT: 'abc' })).toThrow('PORT: expected a port number from 0 to 65535 (got "abc")');
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['1', 1],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
  ])('%s is understood', (value, expected) => {
    expect(parseConfig({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses "true": trusting every hop lets clients choose their own address', () => {
    expect(() => parseConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/^TRUST_PROXY: expected false, the number of proxies/);
  });
});

describe('PAGE_MEMO_MB', () => {
  it('defaults to 64 MB and takes 0 to turn the memo off', () => {
    expect(parseConfig(base).pageMemoBytes).toBe(64 * 1024 * 1024);
    expect(parseConfig({ ...base, PAGE_MEMO_MB: '0' }).pageMemoBytes).toBe(0);
  });

  it.each(['lots', '-1', '1.5'])('refuses %s and says what it expects', (value) => {
    expect(() => parseConfig({ ...base, PAGE_MEMO_MB: value })).toThrow(
      /^PAGE_MEMO_MB: expected (whole )?megabytes, 0 to turn the memo off/,
    );
  });
});

describe('DATABASE_URL', () => {
  it('chooses PostgreSQL; unset or empty, the SQLite file', () => {
    expect(parseConfig({ ...base, DATABASE_URL: 'postgres://portal:hunter2@db.internal:5432/portal' }).databaseUrl).toBe(
      'postgres://portal:hunter2@db.internal:5432/portal',
    );
    expect(parseConfig({ ...base, DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(parseConfig(base).databaseUrl).toBeNull();
  });

  it.each(['postgres://u:123/hunter2@db.internal/portal', 'postgres://portal/hunter2:x@db.internal/portal'])(
    'refuses %s (a "/" left unencoded in the credentials), never printing the password',
    (value) => {
      const attempt = () => parseConfig({ ...base, DATABASE_URL: value });
      expect(attempt).toThrow(/^DATABASE_URL: expected one database name after the host; percent-encode/);
      expect(attempt).not.toThrow(/hunter2|db\.internal/);
    },
  );

  it.each(['mysql://portal:hunter2@db.internal/portal', 'postgres//portal:hunter2@db.internal', 'hunter2'])(
    'refuses %s in one line that names it and never prints the password',
    (value) => {
      const attempt = () => parseConfig({ ...base, DATABASE_URL: value });
      expect(attempt).toThrow(/^DATABASE_URL: expected a PostgreSQL URL such as postgres:\/\/user:password@/);
      expect(attempt).not.toThrow(/hunter2|db\.internal/);
    },
  );
});

describe('PROVISIONING_URL', () => {
  const secret = 'p'.repeat(40);
  it('is refused over plain http in production, without echoing it', () => {
    const production: NodeJS.ProcessEnv = {
      ...base,
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      PIN_PEPPER: 'p'.repeat(40),
      AUDIT_KEY: 'a'.repeat(40),
      OUTBOX_KEY: 'o'.repeat(40),
    };
    const attempt = () =>
      parseConfig({ ...production, PROVISIONING_URL: 'http://provisioning.internal/locks', PROVISIONING_SECRET: secret });
    expect(attempt).toThrow(/^PROVISIONING_URL: expected an https URL in production/);
    expect(attempt).not.toThrow(/provisioning\.internal/);
    expect(
      parseConfig({ ...production, PROVISIONING_URL: 'https://provisioning.internal/locks', PROVISIONING_SECRET: secret }).provisioning
        ?.url,
    ).toBe('https://provisioning.internal/locks');
  });
});
