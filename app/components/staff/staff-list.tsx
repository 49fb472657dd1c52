// Staff members with enable/disable, open invites, and the invite form (the link is shown once, to hand over).
import { Form } from '@remix-run/react';
import { ActionButton } from '~/components/action-button';
import { DataTable } from '~/components/data-table';
import { TextField } from '~/components/text-field';
import { typedValue, type FormAnswer } from '~/utils/form-answer';

export interface StaffRow {
  id: number;
  name: string;
  role: 'agent' | 'admin';
  since: string;
  disabled: boolean;
  self: boolean;
}

export function StaffList({
  members,
  invites,
  newInvite,
  answer,
}: {
  members: StaffRow[];
  invites: Array<{ id: number; name: string; role: string; expires: string }>;
  newInvite?: { name: string; link: string; expires: string };
  answer?: FormAnswer;
}) {
  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      <DataTable caption="Staff who can sign in" columns={['Name', 'Role', 'Since', 'Status', { label: 'Actions', hidden: true }]}>
        {members.map((member) => (
          <tr key={member.id}>
            <td>{member.name}</td>
            <td>{member.role}</td>
            <td>{member.since}</td>
            <td>{member.disabled ? <span className="tag tag--exposed">Disabled</span> : <span className="tag tag--safe">Active</span>}</td>
            <td>
              {member.self ? (
                'You'
              ) : (
                <ActionButton
                  intent={member.disabled ? 'enable' : 'disable'}
                  fields={{ staffId: member.id }}
                  tone={member.disabled ? 'secondary' : 'danger'}
                >
                  {member.disabled ? `Enable ${member.name}` : `Disable ${member.name}`}
                </ActionButton>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {invites.length > 0 ? (
        <>
          <h3>Open invites</h3>
          <ul className="link-list">
            {invites.map((invite) => (
              <li key={invite.id} className="invite">
                <span>
                  {invite.name} ({invite.role}), valid until {invite.expires}
                </span>
                <ActionButton intent="revoke-invite" fields={{ inviteId: invite.id }} label={`Revoke the invite for ${invite.name}`}>
                  Revoke
                </ActionButton>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Invite a staff member</h3>
      {newInvite ? (
        <div className="alert alert--ok" role="status">
          <p>
            Enrollment link for {newInvite.name}, valid once until {newInvite.expires}. Give it to them in person or by phone; it is not
            shown again.
          </p>
          <p>
            <code data-testid="invite-link">{newInvite.link}</code>
          </p>
        </div>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="invite" />
        <TextField id="invite-name" name="name" label="Full name" autoComplete="off" answer={answer} />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue={typedValue(answer, 'role') ?? 'agent'}>
            <option value="agent">Agent</option>
            <option value="admin">Administrator</option>
          </select>
        </div>
        <button type="submit">Create enrollment link</button>
      </Form>
    </section>
  );
}
