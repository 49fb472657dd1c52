import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's IP address (from X-Forwarded-For only when TRUST_PROXY is set); for rate limits, never logged. */
    clientAddress: string;
  }
}
