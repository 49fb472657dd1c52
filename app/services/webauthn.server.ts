// All WebAuthn plumbing: options, challenge storage (single use, 5 minutes, bound to one browser) and verification.
// Generic over the owner (customer or staff); RP ID, name and origin come from configuration.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { z } from 'zod';
import { getConfig } from '~/config.server';
import {
  findPasskey,
  findPasskeyWithOwner,
  insertPasskey,
  listPasskeys,
  recordPasskeyUse,
  type PasskeyOwner,
} from '~/models/passkey.server';
import { claimChallenge, findChallenge, storeChallenge as insertChallenge } from '~/models/webauthn-challenge.server';
import { passkeyProviderName } from '~/utils/passkey-providers';
import type { Passkey, WebauthnChallenge } from '../../db/schema';
import { browserBinding, type Binding } from './browser-binding.server';
import { requestTranslator } from './i18n.server';

export const CHALLENGE_TTL_MS = 5 * 60_000;

// ---- request bodies, pinned to the library's types ----

const base64url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'expected base64url');
const extensionOutputs = z.custom<RegistrationResponseJSON['clientExtensionResults']>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

// What every credential the browser posts has, whichever the ceremony.
const credential = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionOutputs,
});

export const registrationResponseSchema = credential.extend({
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: z
      .string()
      .min(1)
      .max(16384)
      .regex(/^[A-Za-z0-9_-]+={0,2}$/),
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
}) satisfies z.ZodType<RegistrationResponseJSON>;

export const authenticationResponseSchema = credential.extend({
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
}) satisfies z.ZodType<AuthenticationResponseJSON>;

// ---- browser binding (browser-binding.server.ts) ----

function headersFor(binding: Binding): Headers {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (binding.setCookie) headers.append('Set-Cookie', binding.setCookie);
  return headers;
}

// ---- challenges ----

type Purpose = WebauthnChallenge['purpose'];

async function storeChallenge(challenge: string, purpose: Purpose, binding: Binding, owner: PasskeyOwner | null) {
  const now = Date.now();
  await insertChallenge(
    {
      challenge,
      purpose,
      browserBindingHash: binding.hash,
      customerId: owner?.kind === 'customer' ? owner.id : null,
      staffId: owner?.kind === 'staff' ? owner.id : null,
      expiresAt: new Date(now + CHALLENGE_TTL_MS),
    },
    // Expired challenges are useless.
    new Date(now - CHALLENGE_TTL_MS),
  );
}

export type CeremonyFailure =
  | 'malformed response'
  | 'unknown challenge'
  | 'challenge already used'
  | 'challenge expired'
  | 'challenge from another browser'
  | 'wrong owner'
  | 'unknown credential'
  | 'user handle mismatch'
  | 'user not verified'
  | 'counter went backwards'
  | 'credential already registered'
  | 'verification failed';

function challengeFromClientData(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON));
    const challenge = (parsed as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' && challenge.length <= 512 ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * Marks the challenge used before anything else is checked, so a response can never be tried twice: one statement
 * claims it only if it is unused, of this purpose and issued to this browser. An expired one is claimed too (spent
 * either way) and then refused.
 */
async function consumeChallenge(
  request: Request,
  clientDataJSON: string,
  purpose: Purpose,
): Promise<{ ok: true; row: WebauthnChallenge } | { ok: false; reason: CeremonyFailure }> {
  const challenge = challengeFromClientData(clientDataJSON);
  if (!challenge) return { ok: false, reason: 'malformed response' };
  const binding = browserBinding(request, false);
  const now = new Date();
  const row = binding ? await claimChallenge(challenge, purpose, binding.hash, now) : null;
  if (!row) return { ok: false, reason: await whyNotClaimed(challenge, purpose, binding) };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'challenge expired' };
  return { ok: true, row };
}

/** The failure path only: one more read, to name why the claim matched nothing, in the order the checks have always had. */
async function whyNotClaimed(challenge: string, purpose: Purpose, binding: Binding | null): Promise<CeremonyFailure> {
  const row = await findChallenge(challenge);
  if (!row || row.purpose !== purpose) return 'unknown challenge';
  if (row.usedAt) return 'challenge already used';
  if (!binding || binding.hash !== row.browserBindingHash) return 'challenge from another browser';
  return 'challenge already used'; // unused and this browser's a moment ago: another request claimed it in between
}

function challengeOwner(row: WebauthnChallenge): PasskeyOwner | null {
  if (row.customerId !== null) return { kind: 'customer', id: row.customerId };
  if (row.staffId !== null) return { kind: 'staff', id: row.staffId };
  return null;
}

function sameOwner(a: PasskeyOwner | null, b: PasskeyOwner | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}

/** What both ceremonies check the browser's answer against: our challenge, origin and RP ID, and user verification. */
function expectations(challenge: WebauthnChallenge) {
  const { webauthn } = getConfig();
  return {
    expectedChallenge: challenge.challenge,
    expectedOrigin: webauthn.origin,
    expectedRPID: webauthn.rpId,
    requireUserVerification: true,
  };
}

function failureFromError(error: unknown): CeremonyFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/counter/i.test(message)) return 'counter went backwards';
  if (/user could not be verified|user verification/i.test(message)) return 'user not verified';
  return 'verification failed';
}

// ---- registration ----

export interface RegistrationOptionsInput {
  owner: PasskeyOwner;
  /** The owner's random WebAuthn user handle (base64url); never personal data. */
  userHandle: string;
  /** What the authenticator shows in its account picker. */
  userName: string;
}

export async function createRegistrationOptions(
  request: Request,
  input: RegistrationOptionsInput,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; headers: Headers }> {
  const { webauthn } = getConfig();
  const existing = await listPasskeys(input.owner);
  const options = await generateRegistrationOptions({
    rpName: webauthn.rpName,
    rpID: webauthn.rpId,
    userID: isoBase64URL.toBuffer(input.userHandle),
    userName: input.userName,
    userDisplayName: input.userName,
    attestationType: 'none',
    timeout: CHALLENGE_TTL_MS,
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  });
  const binding = browserBinding(request, true);
  await storeChallenge(options.challenge, 'register', binding, input.owner);
  return { options, headers: headersFor(binding) };
}

export type RegistrationResult =
  { ok: true; passkey: { id: string; name: string; backedUp: boolean } } | { ok: false; reason: CeremonyFailure };

/** Verifies a registration for the owner the challenge was issued to, and stores the new passkey. */
export async function registerPasskey(
  request: Request,
  owner: PasskeyOwner,
  response: RegistrationResponseJSON,
): Promise<RegistrationResult> {
  const consumed = await consumeChallenge(request, response.response.clientDataJSON, 'register');
  if (!consumed.ok) return consumed;
  if (!sameOwner(challengeOwner(consumed.row), owner)) return { ok: false, reason: 'wrong owner' };
  let verification;
  try {
    verification = await verifyRegistrationResponse({ response, ...expectations(consumed.row) });
  } catch (error) {
    return { ok: false, reason: failureFromError(error) };
  }
  if (!verification.verified) return { ok: false, reason: 'verification failed' };
  const { credential, credentialDeviceType, credentialBackedUp, aaguid } = verification.registrationInfo;
  if (await findPasskey(credential.id)) return { ok: false, reason: 'credential already registered' };
  // An unknown provider's passkey is named in the words of the page it was made on; the person can rename it.
  const name = passkeyProviderName(aaguid) ?? (await requestTranslator(request))('auth:passkeys.defaultName');
  await insertPasskey({
    id: credential.id,
    owner,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports ?? response.response.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    aaguid: aaguid && aaguid !== '00000000-0000-0000-0000-000000000000' ? aaguid : null,
    name,
  });
  return { ok: true, passkey: { id: credential.id, name, backedUp: credentialBackedUp } };
}

// ---- authentication ----

/**
 * Options for a passkey assertion. Without an owner: discoverable sign-in (empty allowCredentials, works with
 * autofill). With an owner: a step-up bound to them, limited to their passkeys.
 */
export async function createAuthenticationOptions(
  request: Request,
  input: { purpose: 'authenticate' | 'step-up'; owner?: PasskeyOwner },
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; headers: Headers }> {
  const owned = input.owner ? await listPasskeys(input.owner) : [];
  const options = await generateAuthenticationOptions({
    rpID: getConfig().webauthn.rpId,
    allowCredentials: owned.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    userVerification: 'required',
    timeout: CHALLENGE_TTL_MS,
  });
  const binding = browserBinding(request, true);
  await storeChallenge(options.challenge, input.purpose, binding, input.owner ?? null);
  return { options, headers: headersFor(binding) };
}

export type AuthenticationResult =
  { ok: true; passkey: Passkey; owner: PasskeyOwner } | { ok: false; reason: CeremonyFailure; owner?: PasskeyOwner };

/**
 * Verifies an assertion: challenge (unused, unexpired, this browser), known credential of the expected kind,
 * matching user handle, user verification, counter; then records the counter and last-used time.
 */
export async function verifyPasskeyAssertion(
  request: Request,
  response: AuthenticationResponseJSON,
  expected: { purpose: 'authenticate' | 'step-up'; kind: PasskeyOwner['kind']; owner?: PasskeyOwner },
): Promise<AuthenticationResult> {
  // The credential read is a read only and decides nothing until the challenge is claimed; on PostgreSQL the two go
  // out together on two connections (one round trip's wait, not two). Each is one prepared statement.
  const [consumed, found] = await Promise.all([
    consumeChallenge(request, response.response.clientDataJSON, expected.purpose),
    findPasskeyWithOwner(response.id),
  ]);
  if (!consumed.ok) return consumed;
  const boundOwner = challengeOwner(consumed.row);
  if (expected.owner && !sameOwner(boundOwner, expected.owner)) return { ok: false, reason: 'wrong owner' };

  const owner = found?.owner ?? null;
  if (!found || !owner || owner.kind !== expected.kind) return { ok: false, reason: 'unknown credential' };
  const { passkey } = found;
  if (boundOwner && !sameOwner(boundOwner, owner)) return { ok: false, reason: 'wrong owner', owner };

  const handle = response.response.userHandle;
  // Discoverable sign-in must name the user; a step-up with an allow-list may leave it out.
  if ((handle === undefined && expected.purpose === 'authenticate') || (handle !== undefined && handle !== found.userHandle)) {
    return { ok: false, reason: 'user handle mismatch', owner };
  }

  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      ...expectations(consumed.row),
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
    });
  } catch (error) {
    return { ok: false, reason: failureFromError(error), owner };
  }
  if (!verification.verified) return { ok: false, reason: 'verification failed', owner };
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const at = new Date();
  if (!(await recordPasskeyUse(passkey.id, { counter: newCounter, backedUp: credentialBackedUp, at }))) {
    // Removed meanwhile (the holder ended this person's access), or another sign-in with a copy of it came first.
    const stillThere = await findPasskey(passkey.id);
    return { ok: false, reason: stillThere ? 'counter went backwards' : 'unknown credential', owner };
  }
  return { ok: true, passkey: { ...passkey, counter: newCounter, lastUsedAt: at }, owner };
}
