// Configuration from the environment, validated once; a bad value names the variable and stops start-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

// Trusting every hop would let any client choose its own address (and so escape per-client rate limits):
// say how many proxies sit in front, or which addresses they have.
const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;
const trustProxySetting = z
  .string()
  .trim()
  .refine((value) => value === 'false' || /^[1-9]$/.test(value) || value.split(',').every((part) => PROXY_ADDRESS.test(part.trim())), {
    message: 'expected false, the number of proxies in front (e.g. 1), or their addresses or subnets (e.g. loopback, 10.0.0.0/8)',
  })
  .transform((value): false | number | string[] =>
    value === 'false' ? false : /^\d$/.test(value) ? Number(value) : value.split(',').map((part) => part.trim()),
  );

const secret = z.string().min(32, { message: 'expected at least 32 characters' });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'expected development, production or test' }).default('development'),
  PORT: z.coerce
    .number({ message: 'expected a port number from 0 to 65535' })
    .int({ message: 'expected a port number from 0 to 65535' })
    .min(0, { message: 'expected a port number from 0 to 65535' })
    .max(65535, { message: 'expected a port number from 0 to 65535' })
    .default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_PATH: z.string().min(1).optional(),
  // Empty means unset: the embedded SQLite. Never echoed back (it carries the password).
  DATABASE_URL: z
    .string()
    .refine((url) => url === '' || (/^postgres(ql)?:\/\//.test(url) && URL.canParse(url)), {
      message: 'expected a PostgreSQL URL such as postgres://user:password@db.example.com:5432/portal (unset it for the embedded SQLite)',
    })
    // A "/" left unencoded in the user or password moves the rest into the database name, which errors then quote.
    .refine((url) => url === '' || !URL.canParse(url) || /^\/[^/@:]*$/.test(new URL(url).pathname), {
      message: 'expected one database name after the host; percent-encode any "/", "@" or ":" in the user or password (%2F, %40, %3A)',
    })
    .optional(),
  SESSION_SECRET: secret.optional(),
  PIN_PEPPER: secret.optional(),
  AUDIT_KEY: secret.optional(),
  AUDIT_HEAD_PATH: z.string().min(1).optional(),
  OUTBOX_KEY: secret.optional(),
  WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { message: 'expected a host name such as localhost or portal.example.com' })
    .default('localhost'),
  WEBAUTHN_RP_NAME: z.string().min(1).default('Breach check'),
  WEBAUTHN_ORIGIN: z.string().url({ message: 'expected an origin such as https://portal.example.com' }).optional(),
  DEMO_MODE: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: 'expected debug, info, warn or error' }).default('info'),
  TRUST_PROXY: trustProxySetting.default('false'),
  PAGE_MEMO_MB: z.coerce
    .number({ message: 'expected megabytes, 0 to turn the memo off' })
    .int({ message: 'expected whole megabytes, 0 to turn the memo off' })
    .min(0, { message: 'expected megabytes, 0 to turn the memo off' })
    .max(4096, { message: 'expected at most 4096 megabytes' })
    .default(64),
  WEB_CONCURRENCY: z.coerce
    .number({ message: 'expected the number of worker processes, from 1 to 64' })
    .int({ message: 'expected a whole number of worker processes, from 1 to 64' })
    .min(1, { message: 'expected the number of worker processes, from 1 to 64' })
    .max(64, { message: 'expected the number of worker processes, from 1 to 64' })
    .default(1),
  NOTICE_RATE_PER_MINUTE: z.coerce
    .number({ message: 'expected incident notices per minute, from 1 to 100000' })
    .int({ message: 'expected a whole number of incident notices per minute, from 1 to 100000' })
    .min(1, { message: 'expected incident notices per minute, from 1 to 100000' })
    .max(100_000, { message: 'expected incident notices per minute, from 1 to 100000' })
    .default(600),
  NOTIFY_TRANSPORT: z.enum(['log', 'smtp', 'webhook'], { message: 'expected log, smtp or webhook' }).default('log'),
  // Checked in notifyConfig, whose errors never echo the value: these URLs and the token carry credentials.
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().min(1).optional(),
  SMS_WEBHOOK_URL: z.string().optional(),
  SMS_WEBHOOK_TOKEN: z.string().optional(),
  // The carrier's provisioning endpoint and the key its requests are signed with (DESIGN section 12); checked in
  // provisioningConfig, whose errors never echo them.
  PROVISIONING_URL: z.string().optional(),
  PROVISIONING_SECRET: z.string().optional(),
});

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {}

function buildConfig(env: z.infer<typeof envSchema>) {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  const origin = (env.WEBAUTHN_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databasePath: path.resolve(env.DATABASE_PATH ?? path.join(dataDir, 'portal.db')),
    /** PostgreSQL instead of the SQLite file when set. */
    databaseUrl: env.DATABASE_URL || null,
    /** Connections each process keeps to PostgreSQL. */
    databasePoolSize: 10,
    sessionSecret: env.SESSION_SECRET ?? localSecret(production, dataDir, 'SESSION_SECRET', 'session-secret'),
    pinPepper: env.PIN_PEPPER ?? localSecret(production, dataDir, 'PIN_PEPPER', 'pin-pepper'),
    /** The audit chain's key and the file that keeps its head: both outside the database and its backups. */
    audit: {
      key: env.AUDIT_KEY ?? localSecret(production, dataDir, 'AUDIT_KEY', 'audit-key'),
      headPath: path.resolve(env.AUDIT_HEAD_PATH ?? path.join(dataDir, 'audit-head.json')),
    },
    /** Encrypts message bodies waiting in the outbox (they carry codes). */
    outboxKey: env.OUTBOX_KEY ?? localSecret(production, dataDir, 'OUTBOX_KEY', 'outbox-key'),
    webauthn: { rpId: env.WEBAUTHN_RP_ID, rpName: env.WEBAUTHN_RP_NAME, origin },
    // Secure cookies everywhere except plain-http localhost, where browsers would drop them.
    secureCookies: origin.startsWith('https://'),
    demoMode: demoModeFor(env.DEMO_MODE ?? !production, origin),
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    /** Memory for rendered signed-in pages kept by the data they were rendered from (server/private-page-memo.ts). */
    pageMemoBytes: env.PAGE_MEMO_MB * 1024 * 1024,
    /** Worker processes serving the one port (server/cluster.ts); each keeps its own memo and caches. */
    webConcurrency: env.WEB_CONCURRENCY,
    notify: notifyConfig(env),
    provisioning: provisioningConfig(env),
    /** Incident notices queued per minute across every process (DESIGN section 13: throttled). */
    noticeRatePerMinute: env.NOTICE_RATE_PER_MINUTE,
  };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Demo mode publishes every code at /dev/outbox: only ever on this machine. */
function demoModeFor(demoMode: boolean, origin: string): boolean {
  if (demoMode && !LOCAL_HOSTS.has(new URL(origin).hostname)) {
    throw new ConfigError(
      `DEMO_MODE: demo mode shows every code and recipient at /dev/outbox, so it runs only on http://localhost; set DEMO_MODE=false to serve ${origin}`,
    );
  }
  return demoMode;
}

/** Outside production a missing secret is generated once and kept in the data folder. */
function localSecret(production: boolean, dataDir: string, variable: string, fileName: string): string {
  if (production) throw new ConfigError(`${variable}: required in production (at least 32 random characters)`);
  const file = path.join(dataDir, fileName);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch {
      // another process wrote it first; read theirs
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** Where notices go: `log` (default), `smtp` (email; SMS via the webhook if set, else logged) or `webhook` (everything). */
/**
 * Where lock changes go: the carrier's endpoint with its signing key (both or neither), or null. Without an endpoint,
 * demo mode applies changes with the built-in provisioner; outside demo mode the locks cannot be changed (a warning).
 */
function provisioningConfig(env: z.infer<typeof envSchema>): { url: string; secret: string } | null {
  const url = env.PROVISIONING_URL?.trim() || undefined;
  const secret = env.PROVISIONING_SECRET || undefined;
  if (!url && !secret) return null;
  if (!url)
    throw new ConfigError('PROVISIONING_URL: required with PROVISIONING_SECRET (the carrier’s provisioning endpoint, an https URL)');
  if (!(/^https?:\/\//.test(url) && URL.canParse(url)))
    throw new ConfigError('PROVISIONING_URL: expected an http or https URL such as https://provisioning.example.com/locks');
  // Lock changes are answered by a 2xx alone: in production nobody on the path may give that answer.
  if (env.NODE_ENV === 'production' && !url.startsWith('https://'))
    throw new ConfigError('PROVISIONING_URL: expected an https URL in production, such as https://provisioning.example.com/locks');
  if (!secret || secret.length < 32)
    throw new ConfigError('PROVISIONING_SECRET: required with PROVISIONING_URL, at least 32 random characters (the requests’ signing key)');
  return { url, secret };
}

function notifyConfig(env: z.infer<typeof envSchema>) {
  const { NOTIFY_TRANSPORT: transport, SMTP_URL: smtpUrl, SMS_WEBHOOK_URL: webhookUrl } = env;
  if (transport === 'smtp' && !smtpUrl)
    throw new ConfigError('SMTP_URL: expected a URL such as smtp://user:pass@host:587 when NOTIFY_TRANSPORT is smtp');
  if (smtpUrl && !(/^smtps?:\/\//.test(smtpUrl) && URL.canParse(smtpUrl))) {
    throw new ConfigError('SMTP_URL: expected a URL such as smtp://user:pass@host:587');
  }
  if (transport === 'webhook' && !webhookUrl)
    throw new ConfigError('SMS_WEBHOOK_URL: expected an http or https URL when NOTIFY_TRANSPORT is webhook');
  if (webhookUrl && !(/^https?:\/\//.test(webhookUrl) && URL.canParse(webhookUrl))) {
    throw new ConfigError('SMS_WEBHOOK_URL: expected an http or https URL such as https://sms.example.com/send');
  }
  return {
    transport,
    smtp: smtpUrl ? { url: smtpUrl, from: env.SMTP_FROM ?? `"${env.WEBAUTHN_RP_NAME}" <no-reply@${env.WEBAUTHN_RP_ID}>` } : null,
    smsWebhook: webhookUrl ? { url: webhookUrl, token: env.SMS_WEBHOOK_TOKEN || null } : null,
  };
}

// Values that are or may carry credentials are never repeated back in an error message.
const SECRET_VARIABLES = new Set([
  'DATABASE_URL', // carries the database password
  'SESSION_SECRET',
  'PIN_PEPPER',
  'AUDIT_KEY',
  'OUTBOX_KEY',
  'SMTP_URL',
  'SMS_WEBHOOK_URL',
  'SMS_WEBHOOK_TOKEN',
  'PROVISIONING_URL', // may carry credentials
  'PROVISIONING_SECRET',
]);

/**
 * Settings that start but deserve a warning. A trusted proxy's X-Forwarded-For gives the client address (rate limits
 * key on it), so if the port is reachable without the proxy any client picks its own address.
 */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (!config.provisioning && !config.demoMode)
    warnings.push(
      'PROVISIONING_URL is unset: customers cannot turn port-out or SIM protection on or off until it is set, with PROVISIONING_SECRET.',
    );
  if (config.trustProxy === false || isLoopbackOrPrivate(config.host)) return warnings;
  return [
    ...warnings,
    `TRUST_PROXY is set but HOST is ${config.host ? `"${config.host}"` : 'unset (every interface)'}: a client that reaches the port directly can pick its own address with X-Forwarded-For. Bind HOST to 127.0.0.1 (or a private address) behind the proxy.`,
  ];
}

function isLoopbackOrPrivate(host: string | undefined): boolean {
  if (!host) return false;
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) return true;
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|f[cd][0-9a-f]{2}:)/i.test(host);
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0]);
    const given = env[variable];
    const shown = given === undefined || SECRET_VARIABLES.has(variable) ? '' : ` (got ${JSON.stringify(given)})`;
    throw new ConfigError(`${variable}: ${issue.message}${shown}`);
  }
  return buildConfig(result.data);
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests that point the process at another database read the environment again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
