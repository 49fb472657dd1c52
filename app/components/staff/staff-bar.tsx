// Who is signed in on a staff page, where they can go, and a way out.
import { Form, NavLink } from '@remix-run/react';

export function StaffBar({ name, role }: { name: string; role: 'agent' | 'admin' }) {
  return (
    <nav aria-label="Staff" className="subnav staff-bar no-print">
      <ul>
        <li>
          <NavLink to="/agent">Agent console</NavLink>
        </li>
        {role === 'admin' ? (
          <>
            <li>
              <NavLink to="/admin" end>
                Administration
              </NavLink>
            </li>
            <li>
              <NavLink to="/admin/notices">Incident notices</NavLink>
            </li>
          </>
        ) : null}
      </ul>
      <p className="staff-bar__who">
        Signed in as <strong>{name}</strong> ({role})
      </p>
      <Form method="post" action="/staff/sign-out">
        <button type="submit" className="button--secondary">
          Sign out
        </button>
      </Form>
    </nav>
  );
}
