// The one error page every route delegates to: plain words, a way forward, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: 'That request was not valid', body: 'Please go back, check what you entered and try again.' },
  403: { title: 'You cannot open this page', body: 'It needs a different sign-in. If you think this is wrong, sign in again.' },
  404: {
    title: 'We could not find that page',
    body: 'The address may be mistyped, or the page may have moved. The incident pages and your account are linked below.',
  },
  410: { title: 'This link no longer works', body: 'It has expired or was already used.' },
  429: { title: 'Too many attempts', body: 'For your safety we paused this for a while. Please try again later.' },
};

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = MESSAGES[status];
  const detail = isRouteErrorResponse(error) && typeof error.data === 'string' && status < 500 ? error.data : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="eyebrow">Error {status}</p>
      <h1 id="error-title">{known?.title ?? 'Something went wrong on our side'}</h1>
      <p>{detail || known?.body || 'Nothing you did caused this. Please try again in a minute.'}</p>
      <ul className="link-list">
        <li>
          <Link to="/">Home</Link>
        </li>
        <li>
          <Link to="/incidents">The incidents</Link>
        </li>
        <li>
          <Link to="/sign-in">Sign in to check your account</Link>
        </li>
      </ul>
    </section>
  );
}
