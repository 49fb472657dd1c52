// A software passkey authenticator for server tests: ES256 keys from node:crypto, "none" attestation.
// It builds the same JSON the browser library posts, with knobs (UV flag, counter, user handle) the refusal tests need.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

interface StoredCredential {
  id: string;
  privateKey: KeyObject;
  userHandle: string;
  counter: number;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

export class SoftAuthenticator {
  readonly credentials: StoredCredential[] = [];

  constructor(private readonly settings: { rpId?: string; origin?: string; aaguid?: string; synced?: boolean } = {}) {}

  private get rpId() {
    return this.settings.rpId ?? 'localhost';
  }

  private get origin() {
    return this.settings.origin ?? 'http://localhost:3000';
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  private flags(uv: boolean) {
    return UP | (uv ? UV : 0) | (this.settings.synced ? BE | BS : 0);
  }

  register(options: PublicKeyCredentialCreationOptionsJSON, knobs: { uv?: boolean } = {}): RegistrationResponseJSON {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credentialId = randomBytes(16);
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const aaguid = Buffer.from((this.settings.aaguid ?? '00000000-0000-0000-0000-000000000000').replace(/-/g, ''), 'hex');
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      sha256(this.rpId),
      Buffer.from([this.flags(knobs.uv ?? true) | AT]),
      Buffer.alloc(4),
      aaguid,
      idLength,
      credentialId,
      Buffer.from(isoCBOR.encode(cose)),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as never,
    );
    const id = b64url(credentialId);
    this.credentials.push({ id, privateKey, userHandle: options.user.id, counter: 0 });
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /**
   * Signs an assertion. `counter` sets the signature counter (default: stays 0, like synced passkeys);
   * `userHandle: null` leaves it out.
   */
  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    knobs: { credentialId?: string; uv?: boolean; counter?: number; userHandle?: string | null } = {},
  ): AuthenticationResponseJSON {
    const credential = knobs.credentialId
      ? this.credentials.find((c) => c.id === knobs.credentialId)
      : this.credentials[this.credentials.length - 1];
    if (!credential) throw new Error('SoftAuthenticator: no such credential');
    if (knobs.counter !== undefined) credential.counter = knobs.counter;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authData = Buffer.concat([sha256(this.rpId), Buffer.from([this.flags(knobs.uv ?? true)]), counter]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    const userHandle = knobs.userHandle === null ? undefined : (knobs.userHandle ?? credential.userHandle);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle ? { userHandle } : {}),
      },
    };
  }
}
