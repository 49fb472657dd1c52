// Your passkeys: list, rename, remove (not the last one), and add another after a passkey confirmation.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ActionButton } from '~/components/action-button';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { TextField } from '~/components/text-field';
import { pageTitle } from '~/i18n/translator';
import { parseForm } from '~/services/form.server';
import { requestLanguage } from '~/services/i18n.server';
import { listCustomerPasskeys, removeCustomerPasskey, renameCustomerPasskey } from '~/services/passkey-management.server';
import { hasRecentStepUp, requireCustomer } from '~/services/session.server';
import { fieldError, typedValue, type FormAnswer } from '~/utils/form-answer';
import { createPasskey } from '~/utils/passkey-client';

export const meta: MetaFunction = pageTitle('auth:passkeys.metaTitle');

const CONFIRM_FIRST = `/account/confirm?redirectTo=${encodeURIComponent('/account/passkeys')}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const added = new URL(request.url).searchParams.get('added') === '1';
  return { passkeys: await listCustomerPasskeys(session, await requestLanguage(request)), added, confirmed: hasRecentStepUp(session) };
}

const passkeyId = z.string().min(1).max(1024);
const PasskeyAction = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('rename'),
    passkeyId,
    name: z.string().trim().min(1, 'auth:passkeys.nameRequired').max(50, 'auth:passkeys.nameTooLong'),
  }),
  z.object({ intent: z.literal('remove'), passkeyId }),
]);

/** The one answer shape, with the passkey it is about so the page shows it on the right card. */
type ActionAnswer = FormAnswer & { passkeyId?: string };

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PasskeyAction, { formMessage: 'auth:incompleteRequest' });
  if (!form.ok) return data<ActionAnswer>({ ...form.answer.data, passkeyId: form.values.passkeyId }, form.answer.init ?? undefined);
  const { data: input, t } = form;
  if (input.intent === 'rename') {
    if (!(await renameCustomerPasskey(session, input.passkeyId, input.name))) throw new Response('auth:passkeys.notFound', { status: 404 });
    return data<ActionAnswer>({ notice: t('auth:passkeys.renamed', { name: input.name }) });
  }
  // Removing a way in is sensitive: it needs a passkey confirmation in the last 5 minutes, like adding one.
  if (!hasRecentStepUp(session)) throw redirect(CONFIRM_FIRST);
  const result = await removeCustomerPasskey(session, input.passkeyId);
  if (result === 'not-found') throw new Response('auth:passkeys.notFound', { status: 404 });
  if (result === 'last') {
    return data<ActionAnswer>(
      {
        passkeyId: input.passkeyId,
        errors: {
          fields: {},
          form: t('auth:passkeys.last'),
        },
      },
      { status: 400 },
    );
  }
  return data<ActionAnswer>({ notice: t('auth:passkeys.removed') });
}

export default function Passkeys() {
  const { passkeys, added, confirmed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation('auth');
  return (
    <>
      <h1>{t('passkeys.title')}</h1>
      <p className="lead">{t('passkeys.lead')}</p>
      {added ? (
        <div className="alert alert--ok" role="status">
          <p>{t('passkeys.added')}</p>
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
                <dt>{t('passkeys.created')}</dt>
                <dd>{passkey.createdAt}</dd>
                <dt>{t('passkeys.lastUsed')}</dt>
                <dd>{passkey.lastUsedAt ?? t('passkeys.notUsed')}</dd>
                <dt>{t('passkeys.kind')}</dt>
                <dd>
                  <span className="tag">{passkey.synced ? t('passkeys.synced') : t('passkeys.deviceOnly')}</span>
                </dd>
              </dl>
              {mine?.errors?.form ? (
                <p className="alert alert--error" role="alert">
                  {mine.errors.form}
                </p>
              ) : null}
              <div className="passkey-forms">
                <Form method="post" className="form inline-form" aria-label={t('passkeys.renameForm', { name: passkey.name })}>
                  <input type="hidden" name="passkeyId" value={passkey.id} />
                  <TextField
                    key={passkey.name}
                    id={fieldId}
                    name="name"
                    label={t('passkeys.newName')}
                    maxLength={80}
                    defaultValue={fieldError(mine, 'name') ? typedValue(mine, 'name') : passkey.name}
                    error={fieldError(mine, 'name')}
                  />
                  <button type="submit" name="intent" value="rename" className="button--secondary" disabled={busy}>
                    {t('passkeys.rename')}
                  </button>
                </Form>
                <ActionButton
                  intent="remove"
                  fields={{ passkeyId: passkey.id }}
                  tone="danger"
                  formLabel={t('passkeys.removeForm', { name: passkey.name })}
                  disabled={busy}
                >
                  {t('passkeys.remove')}
                </ActionButton>
              </div>
            </li>
          );
        })}
      </ul>
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">{t('passkeys.addTitle')}</h2>
        <p>
          {t('passkeys.addText')} {confirmed ? '' : t('passkeys.addConfirm')}
        </p>
        <PasskeyButton run={() => createPasskey('add')}>{t('passkeys.addButton')}</PasskeyButton>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
