// The holder's list of the people on the account: role, masked line, passkeys, last sign-in; remove or restore access.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ActionButton } from '~/components/action-button';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { pageTitle } from '~/i18n/translator';
import { parseForm } from '~/services/form.server';
import { requestLanguage } from '~/services/i18n.server';
import { listPeopleForHolder, removePersonAccess, restoreAccess } from '~/services/people.server';
import { hasRecentStepUp, requireCustomer } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { formatDateTime } from '~/utils/format-time';

export const meta: MetaFunction = pageTitle('people:metaTitle');

const CONFIRM_FIRST = `/account/confirm?redirectTo=${encodeURIComponent('/account/people')}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const [people, language] = await Promise.all([listPeopleForHolder(session), requestLanguage(request)]);
  return {
    people: people.map((person) => ({
      ...person,
      lastSignInAt: formatDateTime(person.lastSignInAt, language),
      accessRemovedAt: formatDateTime(person.accessRemovedAt, language),
    })),
  };
}

const PeopleAction = z.object({
  intent: z.enum(['remove-access', 'restore-access']),
  personId: z.coerce.number().int().positive(),
});

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PeopleAction, { formMessage: 'auth:incompleteRequest' });
  if (!form.ok) return form.answer;
  const { t } = form;
  // Taking someone's access away is as sensitive as removing a passkey: it needs a recent passkey confirmation.
  if (!hasRecentStepUp(session)) throw redirect(CONFIRM_FIRST);
  if (form.data.intent === 'restore-access') {
    await restoreAccess(session, form.data.personId);
    return data<FormAnswer>({ notice: t('people:restored') });
  }
  const ended = await removePersonAccess(session, form.data.personId);
  return data<FormAnswer>({ notice: t('people:removed', { sessions: ended.sessions, passkeys: ended.passkeys }) });
}

export default function People() {
  const { people } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation(['people', 'common']);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <FormAlerts answer={answer} />
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.line} className="card">
            <h2 id={`person-${person.line}`}>
              {t(person.you ? 'headingYou' : 'heading', { role: t(`common:roles.${person.role}`), line: person.line })}
            </h2>
            <dl className="facts">
              <dt>{t('passkeys')}</dt>
              <dd>{person.personId === null || person.passkeys === 0 ? t('noPasskeys') : person.passkeys}</dd>
              <dt>{t('lastSignIn')}</dt>
              <dd>{person.lastSignInAt ?? t('common:never')}</dd>
              {person.accessRemovedAt ? (
                <>
                  <dt>{t('access')}</dt>
                  <dd>{t('removedOn', { date: person.accessRemovedAt })}</dd>
                </>
              ) : null}
            </dl>
            {person.personId !== null && !person.you ? (
              <ActionButton
                intent={person.accessRemovedAt ? 'restore-access' : 'remove-access'}
                fields={{ personId: person.personId }}
                tone={person.accessRemovedAt ? 'secondary' : 'danger'}
                formLabelledBy={`person-${person.line}`}
                disabled={busy}
              >
                {person.accessRemovedAt ? t('restore') : t('remove')}
              </ActionButton>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
