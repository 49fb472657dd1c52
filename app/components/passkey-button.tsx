// A button that runs a passkey ceremony: disabled with a reason until the page has loaded, and when the browser
// cannot use passkeys; shows the ceremony's error next to it.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelPasskeyRequest, webAuthnAvailable, type CeremonyOutcome } from '~/utils/passkey-client';

export function PasskeyButton({
  children,
  run,
  onSuccess,
  className = 'button',
}: {
  children: ReactNode;
  run: () => Promise<CeremonyOutcome>;
  /** Defaults to a full page load of the answer's redirect, so every part of the page sees the new session. */
  onSuccess?: (outcome: Extract<CeremonyOutcome, { ok: true }>) => void;
  className?: string;
}) {
  const { t } = useTranslation('auth');
  const [support, setSupport] = useState<'unknown' | 'yes' | 'no'>('unknown');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => setSupport(webAuthnAvailable() ? 'yes' : 'no'), []);

  async function handleClick() {
    setBusy(true);
    setError(null);
    cancelPasskeyRequest();
    const outcome = await run();
    if (outcome.ok) {
      if (onSuccess) onSuccess(outcome);
      else window.location.assign(outcome.redirectTo ?? window.location.href);
      return;
    }
    setBusy(false);
    if (outcome.redirectTo) {
      window.location.assign(outcome.redirectTo);
      return;
    }
    setError(outcome.message ?? t(outcome.messageKey));
  }

  const describedBy = [support !== 'yes' ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="passkey-action">
      <button type="button" className={className} disabled={support !== 'yes' || busy} aria-describedby={describedBy} onClick={handleClick}>
        {children}
      </button>
      {support === 'unknown' ? (
        <p className="hint" id={hintId}>
          {t('passkeyButton.loading')}
        </p>
      ) : null}
      {support === 'no' ? (
        <p className="alert alert--warn" id={hintId}>
          {t('passkeyButton.unsupported')}
        </p>
      ) : null}
      {busy ? (
        <p className="hint" role="status">
          {t('passkeyButton.waiting')}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
