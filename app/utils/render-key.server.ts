// A page whose loaders all returned plain data renders to the same HTML (but for the CSP nonce) whenever that data is
// the same, so a hash of the data can key a copy of the rendered page (server/private-page-memo.ts). Data that JSON
// cannot tell apart from other data (Maps, class instances, promises) gets no key: such a page is always rendered.
import { createHash } from 'node:crypto';

/** Set on a response by entry.server when the load context asks for it: the key of the data it was rendered from. */
export const RENDER_KEY_HEADER = 'x-bc-render-key';

class Unkeyable extends Error {}

function plainOnly(this: Record<string, unknown>, key: string, value: unknown): unknown {
  if (this[key] instanceof Date) return value; // already its ISO string
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw new Unkeyable();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new Unkeyable();
  }
  return value;
}

/** The key of a page's loader data, by route id; null when some of it is not plain data. */
export function renderKey(loaderData: Record<string, unknown>): string | null {
  const routes = Object.keys(loaderData).sort();
  try {
    const json = JSON.stringify(routes.map((route) => [route, loaderData[route] ?? null]), plainOnly);
    return createHash('sha256').update(json).digest('base64url');
  } catch (error) {
    if (error instanceof Unkeyable) return null;
    throw error;
  }
}
