// Where you are signed in: each session's browser and system, when it started and was last seen; sign any out.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ActionButton } from '~/components/action-button';
import { DataTable } from '~/components/data-table';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { pageTitle } from '~/i18n/translator';
import { parseForm } from '~/services/form.server';
import { requestLanguage } from '~/services/i18n.server';
import {
  listCustomerSessions,
  requireCustomer,
  revokeCustomerSession,
  revokeOtherCustomerSessions,
  signOutCustomer,
} from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { formatDateTime } from '~/utils/format-time';
import { describeUserAgent } from '~/utils/user-agent';

export const meta: MetaFunction = pageTitle('auth:sessions.metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const [sessions, language] = await Promise.all([listCustomerSessions(session), requestLanguage(request)]);
  return {
    sessions: sessions.map((item) => ({
      id: item.id,
      ...describeUserAgent(item.userAgent),
      signedIn: formatDateTime(item.createdAt, language)!,
      lastSeen: formatDateTime(item.lastSeenAt, language)!,
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
  const form = await parseForm(request, SessionAction, { formMessage: 'auth:incompleteRequest' });
  if (!form.ok) return form.answer;
  const { t } = form;
  if (form.data.intent === 'revoke-others') {
    const count = await revokeOtherCustomerSessions(session);
    return data<FormAnswer>({ notice: t('auth:sessions.signedOutOthers', { count }) });
  }
  if (form.data.sessionId === session.sessionId) {
    throw redirect('/', { headers: { 'Set-Cookie': await signOutCustomer(request) } });
  }
  const revoked = await revokeCustomerSession(session, form.data.sessionId);
  return data<FormAnswer>({ notice: t(revoked ? 'auth:sessions.revoked' : 'auth:sessions.alreadyEnded') });
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation('auth');
  const others = sessions.filter((item) => !item.current).length;
  return (
    <>
      <h1>{t('sessions.title')}</h1>
      <p className="lead">{t('sessions.lead')}</p>
      <FormAlerts answer={answer} />
      <DataTable
        caption={t('sessions.caption')}
        className="sessions-table"
        columns={[t('sessions.device'), t('sessions.signedIn'), t('sessions.lastSeen'), { label: t('sessions.actions'), hidden: true }]}
      >
        {sessions.map((item) => (
          <tr key={item.id} data-current={item.current ? 'true' : undefined}>
            <th scope="row">
              {t('sessions.deviceName', {
                browser: item.browser ?? t('sessions.unknownBrowser'),
                os: item.os ?? t('sessions.unknownSystem'),
              })}{' '}
              {item.current ? <span className="tag tag--safe">{t('sessions.thisDevice')}</span> : null}
            </th>
            <td>{item.signedIn}</td>
            <td>{item.lastSeen}</td>
            <td>
              <ActionButton intent="revoke" fields={{ sessionId: item.id }} disabled={busy}>
                {t('sessions.signOut')}
              </ActionButton>
            </td>
          </tr>
        ))}
      </DataTable>
      {others > 0 ? (
        <ActionButton intent="revoke-others" tone="danger" className="actions" disabled={busy}>
          {t('sessions.signOutOthers')}
        </ActionButton>
      ) : (
        <p>{t('sessions.noOthers')}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
