// A 24-hour PIN reset waiting to take effect, with the one thing the holder can do about it.
import { formatDateTime } from '~/utils/format-time';
import { ActionButton } from '~/components/action-button';

export function PendingPinReset({ effectiveAt }: { effectiveAt: string }) {
  return (
    <section className="alert alert--warn" aria-labelledby="pending-reset-title">
      <h2 id="pending-reset-title">A PIN reset is waiting</h2>
      <p>
        Your new account PIN takes effect on <strong>{formatDateTime(new Date(effectiveAt))}</strong>. Until then your current PIN still
        works. If you did not ask for this, cancel it now and call 611 from your phone.
      </p>
      <ActionButton intent="cancel-reset" action="/account/pin" tone="danger">
        Cancel the PIN reset
      </ActionButton>
    </section>
  );
}
