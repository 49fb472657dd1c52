// Browser side of the passkey ceremonies: fetch options, run the WebAuthn call, post the answer back.
// Only called from event handlers and effects, never during server rendering.
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';

/**
 * A failure carries the server's sentence (`message`, already in the page's language) or, when the browser or the
 * network failed, the catalog key of ours (`messageKey`, auth:passkeyButton.*) for the page to word.
 */
export type CeremonyOutcome =
  | { ok: true; redirectTo?: string }
  /** `fromBrowser`: the browser call itself failed (cancelled, timed out, no passkey), not the server's check. */
  | { ok: false; message?: string; messageKey: string; redirectTo?: string; aborted?: boolean; fromBrowser?: boolean };

interface EndpointAnswer {
  status: 'success' | 'error';
  message?: string;
  messageKey?: string;
  redirectTo?: string;
  options?: unknown;
}

const CANCELLED = 'auth:passkeyButton.cancelled';

async function postJson(url: string, body: unknown): Promise<EndpointAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('application/json')) return (await response.json()) as EndpointAnswer;
    return { status: 'error', messageKey: 'auth:passkeyButton.failed' };
  } catch {
    return { status: 'error', messageKey: 'auth:passkeyButton.offline' };
  }
}

function describeBrowserError(error: unknown): { messageKey: string; aborted: boolean } {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code ?? '';
  if (name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') return { messageKey: CANCELLED, aborted: true };
  if (name === 'NotAllowedError') return { messageKey: CANCELLED, aborted: false };
  if (name === 'InvalidStateError') return { messageKey: 'auth:passkeyButton.alreadyOnDevice', aborted: false };
  return { messageKey: 'auth:passkeyButton.browserFailed', aborted: false };
}

/** A step that did not succeed, as an outcome: the server's sentence when it gave one. */
function failed(answer: EndpointAnswer): CeremonyOutcome {
  return { ok: false, message: answer.message, messageKey: answer.messageKey ?? CANCELLED, redirectTo: answer.redirectTo };
}

export function webAuthnAvailable(): boolean {
  return typeof window !== 'undefined' && browserSupportsWebAuthn();
}

export function autofillAvailable(): Promise<boolean> {
  return browserSupportsWebAuthnAutofill();
}

/** Cancels a pending request (the autofill one) before starting another or leaving the page. */
export function cancelPasskeyRequest(): void {
  WebAuthnAbortService.cancelCeremony();
}

/**
 * Sign-in (`sign-in`, optionally through autofill) or a step-up for the signed-in customer. `onPending` runs
 * once the browser is waiting for the customer to pick a passkey.
 */
export async function authenticateWithPasskey(input: {
  mode: 'sign-in' | 'step-up';
  autofill?: boolean;
  redirectTo?: string;
  onPending?: () => void;
}): Promise<CeremonyOutcome> {
  const start = await postJson('/auth/passkey/options', { mode: input.mode });
  if (start.status !== 'success' || !start.options) return failed(start);
  let response;
  try {
    const pending = startAuthentication({
      optionsJSON: start.options as PublicKeyCredentialRequestOptionsJSON,
      useBrowserAutofill: input.autofill ?? false,
    });
    input.onPending?.();
    response = await pending;
  } catch (error) {
    return { ok: false, fromBrowser: true, ...describeBrowserError(error) };
  }
  const done = await postJson('/auth/passkey/verify', {
    mode: input.mode,
    response,
    redirectTo: input.redirectTo,
    via: input.autofill ? 'autofill' : 'button',
  });
  if (done.status !== 'success') return failed(done);
  return { ok: true, redirectTo: done.redirectTo };
}

/** Creates a passkey: the first one during enrollment, or another one for a signed-in customer. */
export async function createPasskey(context: 'enroll' | 'add'): Promise<CeremonyOutcome> {
  const start = await postJson('/auth/passkey/registration-options', { context });
  if (start.status !== 'success' || !start.options) return failed(start);
  let response;
  try {
    response = await startRegistration({ optionsJSON: start.options as PublicKeyCredentialCreationOptionsJSON });
  } catch (error) {
    return { ok: false, fromBrowser: true, ...describeBrowserError(error) };
  }
  const done = await postJson('/auth/passkey/registration', { context, response });
  if (done.status !== 'success') return failed(done);
  return { ok: true, redirectTo: done.redirectTo };
}

/** Staff ceremonies: the same browser steps against one staff endpoint that takes `{ step: 'options' | 'verify' }`. */
export async function staffPasskeyCeremony(kind: 'sign-in' | 'enroll', endpoint: string): Promise<CeremonyOutcome> {
  const start = await postJson(endpoint, { step: 'options' });
  if (start.status !== 'success' || !start.options) return failed(start);
  let response;
  try {
    response =
      kind === 'enroll'
        ? await startRegistration({ optionsJSON: start.options as PublicKeyCredentialCreationOptionsJSON })
        : await startAuthentication({ optionsJSON: start.options as PublicKeyCredentialRequestOptionsJSON });
  } catch (error) {
    return { ok: false, fromBrowser: true, ...describeBrowserError(error) };
  }
  const done = await postJson(endpoint, { step: 'verify', response });
  if (done.status !== 'success') return failed(done);
  return { ok: true, redirectTo: done.redirectTo };
}
