// A random key the server puts on every incoming request (overwriting any sent by the client). Remix gives each
// loader its own copy of the Request; the copies keep the headers, so per-request caches can key on this.
export const REQUEST_KEY_HEADER = 'x-bc-request-key';
