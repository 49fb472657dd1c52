// The holder's list of the people on the account: role, masked line, passkeys, last sign-in; remove or restore access.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { parseForm } from '~/services/form.server';
import type { FormAnswer } from '~/utils/form-answer';
import { listPeopleForHolder, removePersonAccess, restoreAccess } from '~/services/people.server';
import { hasRecentStepUp, requireCustomer } from '~/services/session.server';
import { formatDateTime } from '~/utils/format-time';
import { ActionButton } from '~/components/action-button';

export const meta: MetaFunction = () => [{ title: 'People on this account | Breach check' }];

const CONFIRM_FIRST = `/account/confirm?redirectTo=${encodeURIComponent('/account/people')}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const people = await listPeopleForHolder(session);
  return {
    people: people.map((person) => ({
      ...person,
      lastSignInAt: formatDateTime(person.lastSignInAt),
      accessRemovedAt: formatDateTime(person.accessRemovedAt),
    })),
  };
}

const PeopleAction = z.object({
  intent: z.enum(['remove-access', 'restore-access']),
  personId: z.coerce.number().int().positive(),
});

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PeopleAction, { formMessage: 'That request was not complete. Reload the page and try again.' });
  if (!form.ok) return form.answer;
  // Taking someone's access away is as sensitive as removing a passkey: it needs a recent passkey confirmation.
  if (!hasRecentStepUp(session)) throw redirect(CONFIRM_FIRST);
  if (form.data.intent === 'restore-access') {
    await restoreAccess(session, form.data.personId);
    return data<FormAnswer>({ notice: 'Access restored: they can set up a passkey again with a code sent to their line.' });
  }
  const ended = await removePersonAccess(session, form.data.personId);
  return data<FormAnswer>({
    notice: `Access removed: ${ended.sessions} session${ended.sessions === 1 ? '' : 's'} signed out and ${ended.passkeys} passkey${ended.passkeys === 1 ? '' : 's'} removed. We sent a message to their line.`,
  });
}

export default function People() {
  const { people } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h1>People on this account</h1>
      <p className="lead">
        Everyone who uses a line on this account can set up their own passkey and read the account&rsquo;s exposure. Only you, the account
        holder, can change the account PIN and manage the people here.
      </p>
      <FormAlerts answer={answer} />
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.line} className="card">
            <h2 id={`person-${person.line}`}>
              {person.role}, line {person.line}
              {person.you ? ' (you)' : ''}
            </h2>
            <dl className="facts">
              <dt>Passkeys</dt>
              <dd>{person.personId === null || person.passkeys === 0 ? 'None set up' : person.passkeys}</dd>
              <dt>Last sign-in</dt>
              <dd>{person.lastSignInAt ?? 'Never'}</dd>
              {person.accessRemovedAt ? (
                <>
                  <dt>Access</dt>
                  <dd>Removed on {person.accessRemovedAt}</dd>
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
                {person.accessRemovedAt ? 'Restore access' : 'Remove access'}
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
