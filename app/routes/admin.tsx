// Administration: staff (invite, disable), incident dates, the audit log, import history, and PIN changes against exposure.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { DataTable } from '~/components/data-table';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { AuditLog } from '~/components/staff/audit-log';
import { IncidentDates } from '~/components/staff/incident-dates';
import { PinChangeChart } from '~/components/staff/pin-change-chart';
import { StaffBar } from '~/components/staff/staff-bar';
import { StaffList } from '~/components/staff/staff-list';
import { incidentText } from '~/i18n/catalogue';
import { translatorFor } from '~/i18n/translator';
import {
  exposedAccountsPerIncident,
  listAuditActions,
  listImports,
  pinChangesPerDay,
  queryAuditLog,
  staffNames,
} from '~/models/admin-reports.server';
import { listIncidents } from '~/models/incident.server';
import { formFailure, formMessageFailure, parseForm } from '~/services/form.server';
import { incidentDatesOverview, saveIncidentDates } from '~/services/incident-timeline.server';
import { requireStaff } from '~/services/session.server';
import { inviteStaffMember, revokeStaffInvite, setStaffMemberDisabled, staffOverview } from '~/services/staff-admin.server';
import type { FormAnswer } from '~/utils/form-answer';
import { formatDateTime } from '~/utils/format-time';
import { IncidentDatesFields } from '~/utils/notice-deadlines';

export const meta: MetaFunction = () => [{ title: 'Administration · Breach check' }];

const PAGE_SIZE = 25;
// A real calendar day, or no filter: "9999-99-99" in the address is ignored, not a 500.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T12:00:00Z`)) && new Date(`${value}T12:00:00Z`).toISOString().startsWith(value))
  .optional()
  .catch(undefined);
const AuditQuery = z.object({
  actor: z
    .string()
    .regex(/^(staff|customer|system|operator)(:\w+)?$/)
    .optional()
    .catch(undefined),
  account: z
    .string()
    .regex(/^\d{9}$/)
    .optional()
    .catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, ['admin']);
  const url = new URL(request.url);
  const query = AuditQuery.parse(Object.fromEntries(url.searchParams));
  const [{ members, invites }, audit, actions, names, importRuns, pinDays, exposed, incidents, timelines] = await Promise.all([
    staffOverview(),
    queryAuditLog(
      { actor: query.actor, accountNumber: query.account, action: query.action, from: query.from, to: query.to },
      query.page,
      PAGE_SIZE,
    ),
    listAuditActions(),
    staffNames(),
    listImports(20),
    pinChangesPerDay(new Date(Date.now() - 60 * 86_400_000)),
    exposedAccountsPerIncident(),
    listIncidents(),
    incidentDatesOverview(),
  ]);
  const actorLabel = (type: string, id: string | null) =>
    type === 'staff' && id ? `${names.get(id) ?? 'Staff'} (staff #${id})` : id ? `${type} #${id}` : type;
  return {
    admin: { name: admin.name, role: admin.role },
    query,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      role: member.role,
      since: formatDateTime(member.createdAt)!,
      disabled: member.disabledAt !== null,
      self: member.id === admin.staffId,
    })),
    invites: invites.map((invite) => ({ id: invite.id, name: invite.name, role: invite.role, expires: formatDateTime(invite.expiresAt)! })),
    audit: {
      total: audit.total,
      rows: audit.rows.map((row) => ({
        id: row.id,
        at: formatDateTime(row.at)!,
        actor: actorLabel(row.actorType, row.actorId),
        action: row.action,
        accountNumber: row.accountNumber,
        details: row.details ? JSON.stringify(row.details) : '',
      })),
    },
    actions,
    actors: [...names.entries()]
      .map(([id, name]) => ({ value: `staff:${id}`, label: name }))
      .concat([
        { value: 'customer', label: 'Customers' },
        { value: 'operator', label: 'Operators (command line)' },
        { value: 'system', label: 'System' },
      ]),
    imports: importRuns.map((run) => ({ ...run, startedAt: formatDateTime(run.startedAt)!, finishedAt: formatDateTime(run.finishedAt) })),
    pinDays,
    exposure: incidents.map((incident) => ({
      id: incident.id,
      title: incidentText(translatorFor('en'), incident.id, 'title'),
      accounts: exposed.get(incident.id) ?? 0,
    })),
    timelines: timelines.map((timeline) => ({
      ...timeline,
      title: incidentText(translatorFor('en'), timeline.incidentId, 'title'),
      updated:
        timeline.updatedAt && `${formatDateTime(timeline.updatedAt)} by ${actorLabel('staff', String(timeline.updatedByStaffId ?? ''))}`,
    })),
  };
}

const AdminAction = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('invite'),
    name: z.string().trim().min(2, 'Enter the person’s full name').max(80, 'Use at most 80 characters'),
    role: z.enum(['agent', 'admin'], { message: 'Choose agent or administrator' }),
  }),
  z.object({ intent: z.enum(['disable', 'enable']), staffId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('revoke-invite'), inviteId: z.coerce.number().int().positive() }),
  IncidentDatesFields.extend({ intent: z.literal('incident-dates') }),
]);

/** The one form answer, with the invite link shown once, and a save of dates announced beside the incident's form. */
type AdminAnswer = FormAnswer & {
  newInvite?: { name: string; link: string; expires: string };
  datesSaved?: { incidentId: string; notice: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, ['admin']);
  const form = await parseForm(request, AdminAction, { formMessage: 'That request was not complete. Reload the page and try again.' });
  if (!form.ok) return form.answer;
  const input = form.data;
  if (input.intent === 'invite') {
    const { link, expiresAt } = await inviteStaffMember(admin, { name: input.name, role: input.role });
    return data<AdminAnswer>({ newInvite: { name: input.name, link, expires: formatDateTime(expiresAt)! } });
  }
  if (input.intent === 'incident-dates') {
    const { intent: _, incidentId, ...dates } = input;
    const outcome = await saveIncidentDates(admin, incidentId, dates);
    if (outcome.ok) return data<AdminAnswer>({ datesSaved: { incidentId, notice: outcome.notice } });
    return formFailure(outcome.errors, form.values, outcome.status);
  }
  if (input.intent === 'revoke-invite') {
    const outcome = await revokeStaffInvite(admin, input.inviteId);
    if ('problem' in outcome) return formMessageFailure(outcome.problem, 409);
    return data<AdminAnswer>({ notice: `Invite for ${outcome.revoked} revoked: the link no longer works.` });
  }
  const problem = await setStaffMemberDisabled(admin, input.staffId, input.intent === 'disable');
  if (problem) return formMessageFailure(problem);
  return data<AdminAnswer>({
    notice: input.intent === 'disable' ? 'Disabled: their sessions ended at once.' : 'Enabled: they can sign in again.',
  });
}

export default function Admin() {
  const loaded = useLoaderData<typeof loader>();
  const answer: AdminAnswer | undefined = useActionData<typeof action>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(
      Object.entries(loaded.query)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    params.set('page', String(page));
    return `/admin?${params}`;
  };
  return (
    <>
      <StaffBar name={loaded.admin.name} role={loaded.admin.role} />
      <h1>Administration</h1>
      <FormAlerts answer={answer} />
      <StaffList members={loaded.members} invites={loaded.invites} newInvite={answer?.newInvite} answer={answer} />
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">PIN changes and exposure</h2>
        <div className="columns">
          <PinChangeChart days={loaded.pinDays} />
          <DataTable caption="Accounts exposed per incident">
            {loaded.exposure.map((incident) => (
              <tr key={incident.id}>
                <th scope="row">{incident.title}</th>
                <td>{incident.accounts.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </section>
      <IncidentDates incidents={loaded.timelines} answer={answer} saved={answer?.datesSaved} />
      <AuditLog
        rows={loaded.audit.rows}
        total={loaded.audit.total}
        page={loaded.query.page}
        pageSize={PAGE_SIZE}
        filter={{
          actor: loaded.query.actor,
          account: loaded.query.account,
          action: loaded.query.action,
          from: loaded.query.from,
          to: loaded.query.to,
        }}
        actions={loaded.actions}
        actors={loaded.actors}
        pageLink={pageLink}
      />
      <section className="card" aria-labelledby="imports-title">
        <h2 id="imports-title">Import history</h2>
        {loaded.imports.length === 0 ? (
          <p>No imports yet. Operators load extracts with npm run import.</p>
        ) : (
          <DataTable
            caption="The last 20 imports"
            columns={['Started', 'Kind', 'File', 'Outcome', 'Rows', 'Inserted / updated / unchanged', 'By']}
          >
            {loaded.imports.map((run) => (
              <tr key={run.id}>
                <td>{run.startedAt}</td>
                <td>{run.kind}</td>
                <td>
                  {run.fileName} <code title="SHA-256">{run.fileSha256.slice(0, 12)}</code>
                </td>
                <td>
                  {run.outcome === 'failed'
                    ? `failed: ${run.errorCount > 0 ? `${run.errorCount} bad row${run.errorCount === 1 ? '' : 's'}` : (run.message ?? 'see the command output')}`
                    : run.outcome === 'interrupted'
                      ? 'interrupted: the import process stopped before it finished; run its file again to complete it'
                      : run.outcome}
                </td>
                <td>{run.rows.toLocaleString('en-US')}</td>
                <td>
                  {run.inserted.toLocaleString('en-US')} / {run.updated.toLocaleString('en-US')} / {run.unchanged.toLocaleString('en-US')}
                </td>
                <td>{run.operator}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
