// The form's own error and success sentences, announced: errors as alerts, successes as status.
import type { FormAnswer } from '~/utils/form-answer';

export function FormAlerts({ answer }: { answer: FormAnswer | undefined }) {
  return (
    <>
      {answer?.errors?.form ? (
        <p className="alert alert--error" role="alert">
          {answer.errors.form}
        </p>
      ) : null}
      {answer?.notice ? (
        <p className="alert alert--ok" role="status">
          {answer.notice}
        </p>
      ) : null}
    </>
  );
}
