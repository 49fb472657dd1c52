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

export type CeremonyOutcome =
  | { ok: true; redirectTo?: string }
  /** `fromBrowser`: the browser call itself failed (cancelled, timed out, no passkey), not the server's check. */
  | { ok: false; message: string; redirectTo?: string; aborted?: boolean; fromBrowser?: boolean };

interface EndpointAnswer {
  status: 'success' | 'error';
  message?: string;
  redirectTo?: string;
  options?: unknown;
}

const CANCELLED = 'The passkey request was cancelled or timed out. You can try again.';

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
    const text = (await response.text()).trim();
    return { status: 'error', message: response.status === 429 && text ? text : 'Something went wrong. Please try again.' };
  } catch {
    return { status: 'error', message: 'We could not reach the portal. Check your connection and try again.' };
  }
}

function describeBrowserError(error: unknown): { message: string; aborted: boolean } {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code ?? '';
  if (name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') return { message: CANCELLED, aborted: true };
  if (name === 'NotAllowedError') return { message: CANCELLED, aborted: false };
  if (name === 'InvalidStateError') return { message: 'This device already has a passkey for this account.', aborted: false };
  return { message: 'Your browser could not use a passkey here. Please try again.', aborted: false };
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
  if (start.status !== 'success' || !start.options) return { ok: false, message: start.message ?? CANCELLED, redirectTo: start.redirectTo };
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
  if (done.status !== 'success') return { ok: false, message: done.message ?? CANCELLED, redirectTo: done.redirectTo };
  return { ok: true, redirectTo: done.redirectTo };
}

/** Creates a passkey: the first one during enrollment, or another one for a signed-in customer. */
export async function createPasskey(context: 'enroll' | 'add'): Promise<CeremonyOutcome> {
  const start = await postJson('/auth/passkey/registration-options', { context });
  if (start.status !== 'success' || !start.options) return { ok: false, message: start.message ?? CANCELLED, redirectTo: start.redirectTo };
  let response;
  try {
    response = await startRegistration({ optionsJSON: start.options as PublicKeyCredentialCreationOptionsJSON });
  } catch (error) {
    return { ok: false, fromBrowser: true, ...describeBrowserError(error) };
  }
  const done = await postJson('/auth/passkey/registration', { context, response });
  if (done.status !== 'success') return { ok: false, message: done.message ?? CANCELLED, redirectTo: done.redirectTo };
  return { ok: true, redirectTo: done.redirectTo };
}

/** Staff ceremonies: the same browser steps against one staff endpoint that takes `{ step: 'options' | 'verify' }`. */
export async function staffPasskeyCeremony(kind: 'sign-in' | 'enroll', endpoint: string): Promise<CeremonyOutcome> {
  const start = await postJson(endpoint, { step: 'options' });
  if (start.status !== 'success' || !start.options) return { ok: false, message: start.message ?? CANCELLED, redirectTo: start.redirectTo };
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
  if (done.status !== 'success') return { ok: false, message: done.message ?? CANCELLED, redirectTo: done.redirectTo };
  return { ok: true, redirectTo: done.redirectTo };
}
