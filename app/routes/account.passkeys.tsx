// Your passkeys: list, rename, remove (not the last one), and add another after a passkey confirmation.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { TextField } from '~/components/text-field';
import { listCustomerPasskeys, removeCustomerPasskey, renameCustomerPasskey } from '~/services/passkey-management.server';
import { hasRecentStepUp, requireCustomer } from '~/services/session.server';
import { fieldError, typedValue, type FormAnswer } from '~/utils/form-answer';
import { createPasskey } from '~/utils/passkey-client';
import { parseForm } from '~/services/form.server';
import { ActionButton } from '~/components/action-button';

export const meta: MetaFunction = () => [{ title: 'Your passkeys · Breach check' }];

const CONFIRM_FIRST = `/account/confirm?redirectTo=${encodeURIComponent('/account/passkeys')}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const added = new URL(request.url).searchParams.get('added') === '1';
  return { passkeys: await listCustomerPasskeys(session), added, confirmed: hasRecentStepUp(session) };
}

const passkeyId = z.string().min(1).max(1024);
const PasskeyAction = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('rename'),
    passkeyId,
    name: z.string().trim().min(1, 'Give the passkey a name').max(50, 'Use 50 characters or fewer'),
  }),
  z.object({ intent: z.literal('remove'), passkeyId }),
]);

/** The one answer shape, with the passkey it is about so the page shows it on the right card. */
type ActionAnswer = FormAnswer & { passkeyId?: string };

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PasskeyAction, { formMessage: 'That request was not complete. Reload the page and try again.' });
  if (!form.ok) return data<ActionAnswer>({ ...form.answer.data, passkeyId: form.values.passkeyId }, form.answer.init ?? undefined);
  const input = form.data;
  if (input.intent === 'rename') {
    if (!(await renameCustomerPasskey(session, input.passkeyId, input.name)))
      throw new Response('That passkey was not found.', { status: 404 });
    return data<ActionAnswer>({ notice: `Renamed to “${input.name}”.` });
  }
  // Removing a way in is sensitive: it needs a passkey confirmation in the last 5 minutes, like adding one.
  if (!hasRecentStepUp(session)) throw redirect(CONFIRM_FIRST);
  const result = await removeCustomerPasskey(session, input.passkeyId);
  if (result === 'not-found') throw new Response('That passkey was not found.', { status: 404 });
  if (result === 'last') {
    return data<ActionAnswer>(
      {
        passkeyId: input.passkeyId,
        errors: {
          fields: {},
          form: 'This is your only passkey, so it cannot be removed: you would have no way to sign in. Add another passkey first.',
        },
      },
      { status: 400 },
    );
  }
  return data<ActionAnswer>({ notice: 'Passkey removed. It can no longer be used to sign in.' });
}

export default function Passkeys() {
  const { passkeys, added, confirmed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Your passkeys</h1>
      <p className="lead">Each passkey lets one device or password manager sign in to your account.</p>
      {added ? (
        <div className="alert alert--ok" role="status">
          <p>Passkey added. We sent a notice to the contacts on your account.</p>
        </div>
      ) : null}
      {answer?.notice ? (
        <div className="alert alert--ok" role="status">
          <p>{answer.notice}</p>
        </div>
      ) : null}
      <ul className="passkey-list">
        {passkeys.map((passkey) => {
          const mine = answer?.passkeyId === passkey.id ? answer : undefined;
          const fieldId = `name-${passkey.id}`;
          return (
            <li key={passkey.id} className="card">
              <h2 id={`title-${passkey.id}`}>{passkey.name}</h2>
              <dl className="facts">
                <dt>Created</dt>
                <dd>{passkey.createdAt}</dd>
                <dt>Last used</dt>
                <dd>{passkey.lastUsedAt ?? 'Not used yet'}</dd>
                <dt>Kind</dt>
                <dd>
                  <span className="tag">{passkey.synced ? 'Synced' : 'This device only'}</span>
                </dd>
              </dl>
              {mine?.errors?.form ? (
                <p className="alert alert--error" role="alert">
                  {mine.errors.form}
                </p>
              ) : null}
              <div className="passkey-forms">
                <Form method="post" className="form inline-form" aria-label={`Rename ${passkey.name}`}>
                  <input type="hidden" name="passkeyId" value={passkey.id} />
                  <TextField
                    key={passkey.name}
                    id={fieldId}
                    name="name"
                    label="New name"
                    maxLength={80}
                    defaultValue={fieldError(mine, 'name') ? typedValue(mine, 'name') : passkey.name}
                    error={fieldError(mine, 'name')}
                  />
                  <button type="submit" name="intent" value="rename" className="button--secondary" disabled={busy}>
                    Rename
                  </button>
                </Form>
                <ActionButton
                  intent="remove"
                  fields={{ passkeyId: passkey.id }}
                  tone="danger"
                  formLabel={`Remove ${passkey.name}`}
                  disabled={busy}
                >
                  Remove
                </ActionButton>
              </div>
            </li>
          );
        })}
      </ul>
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add another passkey</h2>
        <p>
          Add one on each device you use, so losing a phone never locks you out.{' '}
          {confirmed ? '' : 'First we ask you to confirm it is you with a passkey you already have.'}
        </p>
        <PasskeyButton run={() => createPasskey('add')}>Add a passkey</PasskeyButton>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
