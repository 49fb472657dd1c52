// A 24-hour PIN reset waiting to take effect, with the one thing the holder can do about it.
import { Form } from '@remix-run/react';
import { formatDateTime } from '~/utils/format-time';

export function PendingPinReset({ effectiveAt }: { effectiveAt: string }) {
  return (
    <section className="alert alert--warn" aria-labelledby="pending-reset-title">
      <h2 id="pending-reset-title">A PIN reset is waiting</h2>
      <p>
        Your new account PIN takes effect on <strong>{formatDateTime(new Date(effectiveAt))}</strong>. Until then your current PIN still
        works. If you did not ask for this, cancel it now and call 611 from your phone.
      </p>
      <Form method="post" action="/account/pin">
        <input type="hidden" name="intent" value="cancel-reset" />
        <button type="submit" className="button--danger">
          Cancel the PIN reset
        </button>
      </Form>
    </section>
  );
}
