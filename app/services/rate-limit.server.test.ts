import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeWait } from '~/i18n/message';
import { translatorFor } from '~/i18n/translator';
import type { Database } from '../../db/database';
import { openPostgresDatabase } from '../../db/database.pg';
import { openSqliteDatabase } from '../../db/database.sqlite';
import { rateLimits } from '../../db/tables';
import { saidBy } from '../../tests/helpers/requests';
import { getConfig } from '../config.server';
import { clientKey, consumeRateLimit, enforceRateLimit, subjectKey } from './rate-limit.server';

const rule = (name: string, limit = 3, windowMs = 15 * 60_000) => ({ name, limit, windowMs });

afterEach(() => {
  vi.useRealTimers();
});

describe('consumeRateLimit', () => {
  it('allows up to the limit, then refuses with the time left in the window', async () => {
    const r = rule('test-limit');
    for (let i = 0; i < 3; i += 1) expect(await consumeRateLimit(r, 'a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await consumeRateLimit(r, 'a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await consumeRateLimit(r, 'b')).allowed).toBe(true); // subjects are counted apart
  });

  it('starts a fresh window once the old one has ended', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
    const r = rule('test-window', 1, 60_000);
    expect((await consumeRateLimit(r, 'a')).allowed).toBe(true);
    vi.setSystemTime(new Date('2024-01-01T00:00:45Z'));
    expect(await consumeRateLimit(r, 'a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    vi.setSystemTime(new Date('2024-01-01T00:01:00Z'));
    expect((await consumeRateLimit(r, 'a')).allowed).toBe(true);
    expect((await consumeRateLimit(r, 'a')).allowed).toBe(false);
  });

  it('shares counts between two database connections on the same database', async () => {
    const r = rule('test-shared', 2);
    expect((await consumeRateLimit(r, 'x')).allowed).toBe(true);
    // Another connection of its own, as another process would have: to the same SQLite file, or PostgreSQL database.
    const { databaseUrl, databasePath } = getConfig();
    const other: Database = databaseUrl ? openPostgresDatabase(databaseUrl, { max: 1 }) : openSqliteDatabase(databasePath);
    try {
      await other.run((db) =>
        db
          .update(rateLimits)
          .set({ count: sql`${rateLimits.count} + 1` })
          .where(eq(rateLimits.key, 'test-shared:x')),
      );
      const row = await other.get((db) =>
        db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, 'test-shared:x')),
      );
      expect(row!.count).toBe(2);
    } finally {
      await other.close();
    }
    expect((await consumeRateLimit(r, 'x')).allowed).toBe(false);
  });
});

describe('enforceRateLimit', () => {
  it('throws a 429 Response with Retry-After and a sentence saying when to try again', async () => {
    const r = rule('test-enforce', 1, 12 * 60_000);
    await enforceRateLimit(r, 'a');
    const thrown = await enforceRateLimit(r, 'a').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(11 * 60);
    expect(await saidBy(response)).toBe('Too many attempts. Please try again in 12 minutes.');
    expect(await saidBy((await enforceRateLimit(r, 'a').catch((error: unknown) => error)) as Response, 'es')).toBe(
      'Demasiados intentos. Inténtalo de nuevo en 12 minutos.',
    );
  });

  it('words the wait in seconds, minutes or hours, never sooner than true, in each language', () => {
    const [en, es] = [translatorFor('en'), translatorFor('es')];
    expect(describeWait(en, 1)).toBe('1 second');
    expect(describeWait(en, 45)).toBe('45 seconds');
    expect(describeWait(en, 61)).toBe('2 minutes');
    expect(describeWait(en, 3600)).toBe('1 hour');
    expect(describeWait(en, 5400)).toBe('2 hours');
    expect(describeWait(es, 1)).toBe('1 segundo');
    expect(describeWait(es, 61)).toBe('2 minutos');
    expect(describeWait(es, 3600)).toBe('1 hora');
  });
});

describe('keys', () => {
  it('never contain the raw address or identifier, and are stable', () => {
    const key = clientKey({ clientAddress: '203.0.113.7' });
    expect(key).not.toContain('203.0.113.7');
    expect(key).toBe(clientKey({ clientAddress: '::ffff:203.0.113.7' }));
    expect(subjectKey('100000001')).toBe(subjectKey('100000001'));
    expect(subjectKey('100000001')).not.toContain('100000001');
    expect(subjectKey('100000001')).not.toBe(subjectKey('100000002'));
  });

  it('counts an IPv6 client by its /64', () => {
    expect(clientKey({ clientAddress: '2001:db8:1:2::1' })).toBe(clientKey({ clientAddress: '2001:db8:1:2:ffff::9' }));
    expect(clientKey({ clientAddress: '2001:db8:1:2::1' })).not.toBe(clientKey({ clientAddress: '2001:db8:1:3::1' }));
  });
});
