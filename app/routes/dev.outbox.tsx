// Demo and test mode only: the messages the portal sent, in full, so people and e2e tests can read one-time codes.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '~/components/data-table';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { getConfig } from '~/config.server';
import { languageOfMatches, translatorFor } from '~/i18n/translator';
import { listRecentMessages } from '~/models/outbox.server';
import { requestLanguage } from '~/services/i18n.server';
import { formatDateTime } from '~/utils/format-time';

const SHOWN = 200;

export const meta: MetaFunction = ({ matches }) => {
  const t = translatorFor(languageOfMatches(matches));
  return [{ title: t('common:title', { page: t('outbox:title') }) }, { name: 'robots', content: 'noindex' }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (!getConfig().demoMode) throw new Response(null, { status: 404 });
  const [messages, language] = await Promise.all([listRecentMessages(SHOWN), requestLanguage(request)]);
  return {
    messages: messages.map((message) => ({
      id: message.id,
      createdAt: message.createdAt.toISOString(),
      createdAtText: formatDateTime(message.createdAt, language)!,
      channel: message.channel,
      recipient: message.recipient,
      status: message.status,
      attempts: message.attempts,
      lastError: message.lastError,
      subject: message.subject,
      body: message.body,
    })),
  };
}

export default function DevOutbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('outbox');
  return (
    <>
      <h1 id="outbox-title">{t('title')}</h1>
      <p className="lead">{t('lead', { shown: SHOWN })}</p>
      {messages.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable
          labelledBy="outbox-title"
          columns={[t('time'), t('channel'), t('recipient'), t('status'), t('attempts'), t('lastError'), t('subject'), t('body')]}
        >
          {messages.map((message) => (
            <tr key={message.id} data-testid="outbox-message">
              <td>
                <time dateTime={message.createdAt}>{message.createdAtText}</time>
              </td>
              <td data-testid="outbox-channel">{t(message.channel === 'sms' ? 'sms' : 'email')}</td>
              <td data-testid="outbox-recipient">{message.recipient}</td>
              <td>{t(`statuses.${message.status}`)}</td>
              <td>{message.attempts}</td>
              <td>{message.lastError ?? '—'}</td>
              <td data-testid="outbox-subject">{message.subject}</td>
              <td>
                <pre data-testid="outbox-body">{message.body}</pre>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
