// The advice every customer gets, signed in or not.
export function GeneralAdvice() {
  return (
    <ul className="link-list">
      <li>
        <strong>Change your account PIN.</strong> It is what we ask for before moving your number to another carrier or to a new SIM, so it
        is the lock that matters most.
      </li>
      <li>
        <strong>Never share a code you did not ask for.</strong> Anyone who asks for a code texted to you is trying to take over your
        account.
      </li>
      <li>
        <strong>We never send links.</strong> Our texts and emails about these incidents never contain a link. Type the portal address
        yourself.
      </li>
      <li>
        <strong>Watch for sudden loss of service.</strong> If your phone shows &ldquo;No service&rdquo; or &ldquo;SOS only&rdquo; where it
        normally works, call 611 from another phone right away.
      </li>
    </ul>
  );
}
