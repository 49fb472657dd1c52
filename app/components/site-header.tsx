import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { TIME_ZONE_NAME } from '~/utils/format-time';

// Staff pages carry their own navigation and sign-out; customer links there would only confuse.
const STAFF_AREA = /^\/(agent|admin|staff)(\/|$)/;

export function SiteHeader({ signedIn = false }: { signedIn?: boolean }) {
  const staffArea = STAFF_AREA.test(useLocation().pathname);
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          Breach check
        </Link>
        {staffArea ? (
          <p className="site-header__area">Staff area</p>
        ) : (
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/incidents">Incidents</NavLink>
              </li>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/account">Your account</NavLink>
                  </li>
                  <li>
                    <Form method="post" action="/sign-out" reloadDocument>
                      <button type="submit" className="button--link">
                        Sign out
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/sign-in">Sign in</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          We will never text or email you a link. If a message claiming to be from us asks you to tap a link, share a code or your PIN, it
          is not from us: call 611 from your phone.
        </p>
        <p>Times on these pages and in our messages are US {TIME_ZONE_NAME}.</p>
      </div>
    </footer>
  );
}
