// Where you are signed in: each session's browser and system, when it started and was last seen; sign any out.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import {
  listCustomerSessions,
  requireCustomer,
  revokeCustomerSession,
  revokeOtherCustomerSessions,
  signOutCustomer,
} from '~/services/session.server';
import { formatDateTime } from '~/utils/format-time';
import { describeUserAgent } from '~/utils/user-agent';
import { parseForm } from '~/services/form.server';
import type { FormAnswer } from '~/utils/form-answer';
import { ActionButton } from '~/components/action-button';
import { DataTable } from '~/components/data-table';

export const meta: MetaFunction = () => [{ title: 'Your sessions · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const sessions = await listCustomerSessions(session);
  return {
    sessions: sessions.map((item) => ({
      id: item.id,
      ...describeUserAgent(item.userAgent),
      signedIn: formatDateTime(item.createdAt)!,
      lastSeen: formatDateTime(item.lastSeenAt)!,
      current: item.current,
    })),
  };
}

const SessionAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('revoke-others') }),
  z.object({ intent: z.literal('revoke'), sessionId: z.coerce.number().int().positive() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, SessionAction, { formMessage: 'That request was not complete. Reload the page and try again.' });
  if (!form.ok) return form.answer;
  if (form.data.intent === 'revoke-others') {
    const count = await revokeOtherCustomerSessions(session);
    return data<FormAnswer>({ notice: count === 1 ? 'Signed out 1 other session.' : `Signed out ${count} other sessions.` });
  }
  if (form.data.sessionId === session.sessionId) {
    throw redirect('/', { headers: { 'Set-Cookie': await signOutCustomer(request) } });
  }
  const revoked = await revokeCustomerSession(session, form.data.sessionId);
  return data<FormAnswer>({ notice: revoked ? 'That session is signed out.' : 'That session had already ended.' });
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const others = sessions.filter((item) => !item.current).length;
  return (
    <>
      <h1>Your sessions</h1>
      <p className="lead">
        These are the browsers signed in to your account. If you do not recognise one, sign it out and remove any passkey you do not
        recognise.
      </p>
      <FormAlerts answer={answer} />
      <DataTable
        caption="Signed-in sessions"
        className="sessions-table"
        columns={['Device', 'Signed in', 'Last seen', { label: 'Actions', hidden: true }]}
      >
        {sessions.map((item) => (
          <tr key={item.id} data-current={item.current ? 'true' : undefined}>
            <th scope="row">
              {item.browser} on {item.os} {item.current ? <span className="tag tag--safe">This device</span> : null}
            </th>
            <td>{item.signedIn}</td>
            <td>{item.lastSeen}</td>
            <td>
              <ActionButton intent="revoke" fields={{ sessionId: item.id }} disabled={busy}>
                Sign out
              </ActionButton>
            </td>
          </tr>
        ))}
      </DataTable>
      {others > 0 ? (
        <ActionButton intent="revoke-others" tone="danger" className="actions" disabled={busy}>
          Sign out all other sessions
        </ActionButton>
      ) : (
        <p>No other browser is signed in to your account.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
