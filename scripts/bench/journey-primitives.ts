// The primitives a journey cannot do without, timed bare on this machine in the journey bench's own run: one Argon2id
// computation at the portal's parameters (a hash and a verification cost the same: a verification is a hash), and one
// ES256 passkey assertion verified by @simplewebauthn/server, as the sign-in bench's bare baseline does. The page
// renders are timed against the running portal (journey.ts). Medians, because the machine is shared.
import { createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';

export interface PrimitiveTimes {
  /** One Argon2id hash (19 MiB, t=2, p=1), one at a time, in ms. */
  argon2HashMs: number;
  /** One Argon2id verification of a stored hash, in ms. */
  argon2VerifyMs: number;
  /** `cores` hashes at once: ms per hash per core (memory bandwidth is shared, so at least argon2HashMs). */
  argon2ParallelMsPerCore: number;
  /** One ES256 verifyAuthenticationResponse, in ms. */
  es256VerifyMs: number;
  samples: { argon2: number; es256: number };
}

// As app/services/pin-hash.server.ts (Argon2id is algorithm 2).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
const ORIGIN = 'http://localhost:3000';
const RP_ID = 'localhost';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function timeEach(samples: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  return times;
}

// What the portal feeds Argon2: the hex HMAC of a 6-digit PIN.
const peppered = (index: number) =>
  createHmac('sha256', 'bench pepper')
    .update(String(100000 + index))
    .digest('hex');

export async function measurePrimitives(options: { argon2Samples: number; es256Samples: number; cores: number }): Promise<PrimitiveTimes> {
  await hash(peppered(0), ARGON2_OPTIONS); // warm-up: the first call pays for loading and allocating
  const argon2HashMs = median(await timeEach(options.argon2Samples, (index) => hash(peppered(index), ARGON2_OPTIONS)));
  const stored = await hash(peppered(1), ARGON2_OPTIONS);
  const argon2VerifyMs = median(
    await timeEach(options.argon2Samples, async () => {
      if (!(await verify(stored, peppered(1)))) throw new Error('bare Argon2id refused its own hash');
    }),
  );
  const rounds = Math.max(2, Math.ceil(options.argon2Samples / options.cores));
  const parallelStarted = performance.now();
  for (let round = 0; round < rounds; round++) {
    await Promise.all(Array.from({ length: options.cores }, (_, index) => hash(peppered(round * options.cores + index), ARGON2_OPTIONS)));
  }
  const argon2ParallelMsPerCore = (performance.now() - parallelStarted) / rounds;

  const authenticator = new SoftAuthenticator({ origin: ORIGIN });
  const registrationOptions = await generateRegistrationOptions({
    rpName: 'bench',
    rpID: RP_ID,
    userID: randomBytes(16),
    userName: 'bench',
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const registration = await verifyRegistrationResponse({
    response: authenticator.register(registrationOptions),
    expectedChallenge: registrationOptions.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
  if (!registration.verified) throw new Error('bare registration refused the soft authenticator');
  const { credential } = registration.registrationInfo;
  const warmUp = Math.min(50, options.es256Samples);
  const assertions: Array<{ challenge: string; response: AuthenticationResponseJSON }> = [];
  for (let index = 0; index < options.es256Samples + warmUp; index++) {
    const request = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'required' });
    assertions.push({ challenge: request.challenge, response: authenticator.assert(request) });
  }
  const verifyOne = async (index: number) => {
    const { challenge, response } = assertions[index]!;
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential: { id: credential.id, publicKey: credential.publicKey, counter: 0 },
      requireUserVerification: true,
    });
    if (!result.verified) throw new Error('bare verification refused a good assertion');
  };
  await timeEach(warmUp, (index) => verifyOne(options.es256Samples + index));
  const es256VerifyMs = median(await timeEach(options.es256Samples, verifyOne));
  return {
    argon2HashMs,
    argon2VerifyMs,
    argon2ParallelMsPerCore,
    es256VerifyMs,
    samples: { argon2: options.argon2Samples, es256: options.es256Samples },
  };
}
