// Opens the browser's print dialog; without JavaScript the page says how to print instead.
import { useEffect, useState } from 'react';

export function PrintButton() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <p className="hint no-print">Use your browser&rsquo;s Print command to print or save this page as a PDF.</p>;
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}
