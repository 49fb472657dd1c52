// Passkey sign-in verification: the portal's verifyPasskeyAssertion (challenge consumed, credential looked up, user
// handle checked, counter recorded) against a bare verifyAuthenticationResponse of the same assertions. The two take
// turns in rounds of 500, in the order portal, bare, bare, portal, …, so the warming up of the shared verification code
// and a change of load on a shared machine fall on both alike; turns are long so that little of one side's garbage
// collection falls in the other's turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';

export interface SignInBenchResult {
  verifications: number;
  customers: number;
  portalPerSecond: number;
  barePerSecond: number;
  ratio: number;
  portalMsMean: number;
  bareMsMean: number;
  loopDelayP99DuringMs: number;
  /** The lowest and highest ratio of a single round, to show how steady the figure was. */
  roundRatioLow: number;
  roundRatioHigh: number;
}

const VERIFICATIONS = Number(process.env.BENCH_SIGN_IN_VERIFICATIONS ?? 2000);
const WARM_UP = 300;
const ROUND = 500; // verifications per side per round
const ORIGIN = 'http://localhost:3000';

interface Signed {
  assertion: AuthenticationResponseJSON;
  challenge: string;
  publicKey: Uint8Array<ArrayBuffer>;
}

export async function runSignInBench(): Promise<SignInBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-sign-in-'));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, 'bench.db'),
    PORT: '3000',
    WEBAUTHN_RP_ID: 'localhost',
    WEBAUTHN_ORIGIN: ORIGIN,
  });
  try {
    const { readyDatabaseFile } = await import('../../db/seed/seed');
    await readyDatabaseFile(process.env.DATABASE_PATH!, { demoAccounts: true });

    const { getDb } = await import('../../app/models/db.server');
    const { accounts } = await import('../../db/tables');
    const { ensurePerson, holderLine } = await import('../../app/models/person.server');
    const { findPasskey } = await import('../../app/models/passkey.server');
    const { randomToken } = await import('../../app/services/tokens.server');
    const webauthn = await import('../../app/services/webauthn.server');

    // One browser: the binding cookie ties every challenge to it, as in a real sign-in.
    const browser = new Request(`${ORIGIN}/auth/passkey/verify`, { headers: { cookie: `bc_webauthn=${randomToken(32)}` } });
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    const credentialIds: string[] = [];
    for (const { id } of await getDb().all((db) => db.select({ id: accounts.id }).from(accounts))) {
      const customer = await ensurePerson(id, (await holderLine(id))!);
      const owner = { kind: 'customer', id: customer.id } as const;
      const { options } = await webauthn.createRegistrationOptions(browser, {
        owner,
        userHandle: customer.webauthnUserId,
        userName: `bench ${id}`,
      });
      const registered = await webauthn.registerPasskey(browser, owner, authenticator.register(options));
      if (!registered.ok) throw new Error(`registration failed: ${registered.reason}`);
      credentialIds.push(registered.passkey.id);
    }

    const signed: Signed[] = [];
    for (let index = 0; index < VERIFICATIONS + WARM_UP; index++) {
      const { options } = await webauthn.createAuthenticationOptions(browser, { purpose: 'authenticate' });
      const credentialId = credentialIds[index % credentialIds.length]!;
      const passkey = (await findPasskey(credentialId))!;
      signed.push({
        assertion: authenticator.assert(options, { credentialId }),
        challenge: options.challenge,
        publicKey: new Uint8Array(passkey.publicKey),
      });
    }

    const portalVerify = async (item: Signed) => {
      const result = await webauthn.verifyPasskeyAssertion(browser, item.assertion, { purpose: 'authenticate', kind: 'customer' });
      if (!result.ok) throw new Error(`portal refused a good assertion: ${result.reason}`);
    };
    const bareVerify = async (item: Signed) => {
      const result = await verifyAuthenticationResponse({
        response: item.assertion,
        expectedChallenge: item.challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: 'localhost',
        credential: { id: item.assertion.id, publicKey: item.publicKey, counter: 0 },
        requireUserVerification: true,
      });
      if (!result.verified) throw new Error('bare verification refused a good assertion');
    };

    for (const item of signed.slice(0, WARM_UP)) await portalVerify(item);
    for (const item of signed.slice(0, WARM_UP)) await bareVerify(item);
    const measured = signed.slice(WARM_UP);

    // Each round verifies the same assertions both ways (the bare call consumes nothing); the loop delay is sampled
    // during the portal's turns only.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let portalMs = 0;
    let bareMs = 0;
    const roundRatios: number[] = [];
    for (let start = 0, round = 0; start < measured.length; start += ROUND, round++) {
      const items = measured.slice(start, start + ROUND);
      const portal = async () => {
        delay.enable();
        const ms = await timeEach(items, portalVerify);
        delay.disable();
        return ms;
      };
      const bare = () => timeEach(items, bareVerify);
      let p: number;
      let b: number;
      if (round % 2 === 0) {
        p = await portal();
        b = await bare();
      } else {
        b = await bare();
        p = await portal();
      }
      portalMs += p;
      bareMs += b;
      roundRatios.push(b / p);
    }

    return {
      verifications: measured.length,
      customers: credentialIds.length,
      portalPerSecond: (1000 * measured.length) / portalMs,
      barePerSecond: (1000 * measured.length) / bareMs,
      ratio: bareMs / portalMs,
      portalMsMean: portalMs / measured.length,
      bareMsMean: bareMs / measured.length,
      loopDelayP99DuringMs: delay.percentile(99) / 1e6,
      roundRatioLow: Math.min(...roundRatios),
      roundRatioHigh: Math.max(...roundRatios),
    };
  } finally {
    const { closeDb } = await import('../../app/models/db.server');
    await closeDb();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeEach<T>(items: T[], run: (item: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  for (const item of items) await run(item);
  return performance.now() - started;
}

export function signInBenchTable(result: SignInBenchResult): string {
  return [
    `Sign-in: ${result.verifications} passkey assertions (ES256) over ${result.customers} customers, one at a time, in alternating rounds of ${ROUND}`,
    '',
    '| passkey sign-in | portal verifyPasskeyAssertion | bare verifyAuthenticationResponse | ratio |',
    '|---|---|---|---:|',
    `| verifications/s | ${result.portalPerSecond.toFixed(0)} (${result.portalMsMean.toFixed(2)} ms each) | ${result.barePerSecond.toFixed(0)} (${result.bareMsMean.toFixed(2)} ms each) | ${result.ratio.toFixed(2)} |`,
    `| ratio of a single round, lowest–highest | | | ${result.roundRatioLow.toFixed(2)}–${result.roundRatioHigh.toFixed(2)} |`,
    `| event-loop delay p99 during the portal run (ms) | ${result.loopDelayP99DuringMs.toFixed(1)} | | |`,
  ].join('\n');
}
