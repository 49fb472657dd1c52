// Demo and test mode only: the messages the portal sent, in full, so people and e2e tests can read one-time codes.
import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { getConfig } from '~/config.server';
import { listRecentMessages } from '~/models/outbox.server';
import { formatDateTime } from '~/utils/format-time';
import { DataTable } from '~/components/data-table';

const SHOWN = 200;

export const meta: MetaFunction = () => [{ title: 'Messages the portal sent | Breach check' }, { name: 'robots', content: 'noindex' }];

export async function loader() {
  if (!getConfig().demoMode) throw new Response(null, { status: 404 });
  const messages = await listRecentMessages(SHOWN);
  return {
    messages: messages.map((message) => ({
      id: message.id,
      createdAt: message.createdAt.toISOString(),
      createdAtText: formatDateTime(message.createdAt)!,
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
  return (
    <>
      <h1 id="outbox-title">Messages the portal sent</h1>
      <p className="lead">
        Demo mode only: every email and text message, newest first (the latest {SHOWN}). In production this page does not exist and messages
        go to the contacts on file.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <DataTable
          labelledBy="outbox-title"
          columns={['Time', 'Channel', 'Recipient', 'Status', 'Attempts', 'Last error', 'Subject', 'Body']}
        >
          {messages.map((message) => (
            <tr key={message.id} data-testid="outbox-message">
              <td>
                <time dateTime={message.createdAt}>{message.createdAtText}</time>
              </td>
              <td data-testid="outbox-channel">{message.channel === 'sms' ? 'Text' : 'Email'}</td>
              <td data-testid="outbox-recipient">{message.recipient}</td>
              <td>{message.status}</td>
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
