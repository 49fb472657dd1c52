// The caller's account as an agent sees it: masked contacts, exposure, PIN state, and the guided reset's progress.
import { DataTable } from '~/components/data-table';
import { FieldList } from '~/components/field-list';
import type { AccountCard as Card } from '~/services/agent-console.server';

export function AccountCardSummary({ card }: { card: Card }) {
  return (
    <section className="card" aria-labelledby="card-title">
      <p className="eyebrow">Account ending {card.accountNumberEnding}</p>
      <h2 id="card-title">{card.holder}</h2>
      <dl className="facts">
        <dt>Account type</dt>
        <dd>{card.accountType}</dd>
        <dt>Notices in</dt>
        <dd>{card.language === 'es' ? 'Spanish' : 'English'}</dd>
        <dt>Email</dt>
        <dd>{card.email ?? 'None on file'}</dd>
        <dt>PIN</dt>
        <dd>
          {card.pinSet ? `Last changed ${card.pinChangedAt}` : 'No PIN set'}{' '}
          <span className={card.pinStepDone ? 'tag tag--safe' : 'tag tag--exposed'}>
            {card.pinStepDone ? 'Changed since the incidents' : 'Not changed since the incidents'}
          </span>
        </dd>
      </dl>
      <DataTable caption="People on the account" columns={['Line', 'Role', 'Portal']}>
        {card.people.map((person) => (
          <tr key={person.line}>
            <td>{person.line}</td>
            <td>{person.role}</td>
            <td>{person.status}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable caption="Port-out and SIM protection" columns={['For', 'Port-out protection', 'SIM protection']}>
        {card.locks.map((target) => (
          <tr key={target.target}>
            <td>{target.target}</td>
            {target.states.map((lock) => (
              <td key={lock.lock}>{lock.state}</td>
            ))}
          </tr>
        ))}
      </DataTable>
      <p className="muted">
        Agents cannot change these locks. The caller turns one on at Protection in the portal, signed in with their passkey; only the
        account holder can turn one off, there, after confirming with their passkey again.
      </p>
      <h3>Incidents</h3>
      <FieldList
        items={card.incidents.map((incident) => ({
          id: incident.id,
          title: incident.title,
          text: incident.involved ? `Exposed: ${incident.exposed.join(', ')}` : 'Not in this incident',
        }))}
      />
    </section>
  );
}

export function ResetProgress({ resets }: { resets: Card['resets'] }) {
  if (resets.length === 0) return <p>No guided resets in the last 24 hours.</p>;
  return (
    <DataTable caption="Guided resets in the last 24 hours" columns={['Code sent', 'Code used', 'PIN changed']}>
      {resets.map((reset) => (
        <tr key={reset.id} data-testid="reset-row">
          <td>Sent {reset.sentAt}</td>
          <td>{reset.usedAt ? `Code used ${reset.usedAt}` : reset.expired ? 'Expired unused' : 'Waiting for the customer'}</td>
          <td>
            {reset.pinChangedAt
              ? `PIN changed ${reset.pinChangedAt}`
              : reset.scheduledFor
                ? `New PIN chosen: takes effect ${reset.scheduledFor}`
                : 'Not yet'}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
