// The audit log with filters (a GET form, so filtered views can be bookmarked) and pages.
import { Form, Link } from '@remix-run/react';
import { DataTable } from '~/components/data-table';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  accountNumber: string | null;
  details: string;
}

export function AuditLog({
  rows,
  total,
  page,
  pageSize,
  filter,
  actions,
  actors,
  pageLink,
}: {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  filter: Record<string, string | undefined>;
  actions: string[];
  actors: Array<{ value: string; label: string }>;
  pageLink: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <Form method="get" className="filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="actor">Actor</label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ''}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.value} value={actor.value}>
                {actor.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="account">Account number</label>
          <input id="account" name="account" type="text" inputMode="numeric" defaultValue={filter.account ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={filter.action ?? ''}>
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        <button type="submit">Filter</button>
      </Form>
      <DataTable
        caption={
          <>
            {total} event{total === 1 ? '' : 's'}, page {page} of {pages}
          </>
        }
        columns={['#', 'When', 'Actor', 'Action', 'Account', 'Details']}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.id}</td>
            <td>{row.at}</td>
            <td>{row.actor}</td>
            <td>{row.action}</td>
            <td>{row.accountNumber ?? ''}</td>
            <td>
              <code>{row.details}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Audit log pages" className="actions">
        {page > 1 ? <Link to={pageLink(page - 1)}>Newer events</Link> : null}
        {page < pages ? <Link to={pageLink(page + 1)}>Older events</Link> : null}
      </nav>
    </section>
  );
}
