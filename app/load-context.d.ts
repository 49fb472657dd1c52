import '@remix-run/node';

declare module '@remix-run/node' {
  // Single Fetch types for useLoaderData/useActionData (v3_singleFetch is on in remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }

  interface AppLoadContext {
    cspNonce: string;
    /** The client's IP address (from X-Forwarded-For only when TRUST_PROXY is set); for rate limits, never logged. */
    clientAddress: string;
    /** Set by server/private-page-memo.ts: answer with the key of the loader data the page was rendered from. */
    renderKey?: boolean;
    /** Set by server/private-page-memo.ts on a memo miss: the loader data it just read, by route id, rendered as is. */
    preloadedLoaderData?: Record<string, unknown>;
  }
}
