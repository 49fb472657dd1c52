// An incident's notices to the affected accounts (DESIGN section 13): preview the counts and the forms, start, pause and
// resume the sending, and watch its progress, which updates while it runs. Administrators only.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { z } from 'zod';
import { ActionButton } from '~/components/action-button';
import { DataTable } from '~/components/data-table';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { StaffBar } from '~/components/staff/staff-bar';
import { incidentText } from '~/i18n/catalogue';
import { translatorFor } from '~/i18n/translator';
import { parseForm } from '~/services/form.server';
import {
  NOTICE_INCIDENTS,
  pauseSending,
  previewNotices,
  resumeSending,
  sendingProgress,
  startSending,
  type SendingAnswer,
} from '~/services/incident-notices.server';
import { requireStaff } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';

export const meta: MetaFunction = () => [{ title: 'Incident notices · Breach check' }];

const STAFF_T = translatorFor('en');
const REFRESH_MS = 2_000;
// Built inside the loader and action: the incident list comes from a server module, absent from the browser bundle.
const incidentId = () => z.enum(NOTICE_INCIDENTS as [string, ...string[]], { message: 'Choose one of the incidents in the list.' });

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, ['admin']);
  const Query = z.object({ incident: incidentId().catch(NOTICE_INCIDENTS[0]!), preview: z.literal('1').optional().catch(undefined) });
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [progress, preview] = await Promise.all([
    sendingProgress(query.incident),
    query.preview ? previewNotices(query.incident) : Promise.resolve(null),
  ]);
  return {
    admin: { name: admin.name, role: admin.role },
    incidents: NOTICE_INCIDENTS.map((id) => ({ id, title: incidentText(STAFF_T, id, 'title') })),
    incident: query.incident,
    progress,
    preview,
  };
}

const ANSWERS: Record<SendingAnswer, string> = {
  started: 'Sending started: one notice per affected account, throttled. Progress below updates by itself.',
  'already-started': 'These notices were started before: nothing more was queued. Each account gets its notice once.',
  paused: 'Paused: no more notices are queued until you resume. Messages already queued still go out.',
  resumed: 'Resumed: queueing goes on from where it paused.',
  'not-sending': 'Nothing to pause: these notices are not being sent now.',
  'not-paused': 'Nothing to resume: these notices are not paused.',
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, ['admin']);
  const form = await parseForm(request, z.object({ intent: z.enum(['start', 'pause', 'resume']), incident: incidentId() }));
  if (!form.ok) return form.answer;
  const { intent, incident } = form.data;
  const run = { start: startSending, pause: pauseSending, resume: resumeSending }[intent];
  const answer = await run(admin, incident);
  return data<FormAnswer>({ notice: ANSWERS[answer] }, { status: answer === 'started' ? 202 : 200 });
}

const n = (value: number) => value.toLocaleString('en-US');

export default function Notices() {
  const { admin, incidents, incident, progress, preview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const revalidator = useRevalidator();
  const sending = progress.status === 'sending' || (progress.status !== 'not-started' && progress.messages.pending > 0);
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [sending, revalidator]);
  const title = incidents.find((item) => item.id === incident)!.title;
  // The buttons post to the page without the preview, so its counting queries are not run again on every refresh.
  const here = `/admin/notices?incident=${encodeURIComponent(incident)}`;
  return (
    <>
      <StaffBar name={admin.name} role={admin.role} />
      <h1>Incident notices</h1>
      <p className="lead">
        Each affected account gets one notice, from its own record, in its language, to the holder’s contacts, without a link. Preview
        first; sending can be paused and resumed, and carries on by itself after a restart.
      </p>
      <Form method="get" className="card notices-choose">
        <label htmlFor="incident">Incident</label>
        <select id="incident" name="incident" defaultValue={incident}>
          {incidents.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
        <button type="submit" name="preview" value="1" disabled={busy}>
          Preview notices
        </button>
      </Form>
      <FormAlerts answer={answer} />
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">Sending: {title}</h2>
        <dl className="facts" aria-live="polite">
          <dt>State</dt>
          <dd data-testid="notices-state">{progress.status === 'not-started' ? 'Not started' : progress.status}</dd>
          <dt>Accounts notified</dt>
          <dd data-testid="notices-accounts">
            {n(progress.accounts)}
            {progress.total !== null ? ` of ${n(progress.total)}` : ''}
          </dd>
          <dt>Messages queued</dt>
          <dd data-testid="notices-queued">{n(progress.messages.pending)}</dd>
          <dt>Sent</dt>
          <dd data-testid="notices-sent">{n(progress.messages.sent)}</dd>
          <dt>Failed</dt>
          <dd data-testid="notices-failed">{n(progress.messages.failed)}</dd>
        </dl>
        {progress.total !== null && progress.total > 0 ? (
          <progress max={progress.total} value={progress.accounts} aria-label="Accounts notified">
            {Math.round((progress.accounts / progress.total) * 100)}%
          </progress>
        ) : null}
        <div className="notices-actions">
          <ActionButton
            intent="start"
            fields={{ incident }}
            action={here}
            tone="primary"
            disabled={busy || progress.status !== 'not-started'}
          >
            Start sending
          </ActionButton>
          <ActionButton intent="pause" fields={{ incident }} action={here} disabled={busy || progress.status !== 'sending'}>
            Pause
          </ActionButton>
          <ActionButton intent="resume" fields={{ incident }} action={here} disabled={busy || progress.status !== 'paused'}>
            Resume
          </ActionButton>
          <a href={`/admin/notices/summary.csv?incident=${encodeURIComponent(incident)}`} download>
            Download the regulator summary (CSV)
          </a>
        </div>
      </section>
      {preview ? <Preview preview={preview} /> : null}
    </>
  );
}

function Preview({ preview }: { preview: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['preview']> }) {
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <dl className="facts">
        <dt>Affected accounts</dt>
        <dd data-testid="preview-total">{n(preview.total)}</dd>
        <dt>By email</dt>
        <dd>{n(preview.byChannel.email)}</dd>
        <dt>By text</dt>
        <dd>{n(preview.byChannel.sms)}</dd>
        <dt>In English</dt>
        <dd>{n(preview.byLanguage.en ?? 0)}</dd>
        <dt>In Spanish</dt>
        <dd>{n(preview.byLanguage.es ?? 0)}</dd>
      </dl>
      <DataTable caption="Affected accounts by state (billing ZIP)" columns={['State', 'Accounts']}>
        {preview.byState.map((row) => (
          <tr key={row.state}>
            <td>{row.state}</td>
            <td>{n(row.accounts)}</td>
          </tr>
        ))}
      </DataTable>
      {preview.samples ? (
        <div className="notice-samples">
          {(['en', 'es'] as const).map((language) => (
            <div key={language}>
              <h3>{language === 'en' ? 'English' : 'Spanish'} email</h3>
              <p className="muted">Subject: {preview.samples![language].email.subject}</p>
              <pre className="notice-sample" tabIndex={0}>
                {preview.samples![language].email.body}
              </pre>
              <h3>{language === 'en' ? 'English' : 'Spanish'} text message</h3>
              <pre className="notice-sample" tabIndex={0}>
                {preview.samples![language].text.body}
              </pre>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
