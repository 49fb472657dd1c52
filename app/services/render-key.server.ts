// A page whose loaders all returned plain data renders to the same HTML (but for the CSP nonce) whenever that data is
// the same, so a hash of the data can key a copy of the rendered page (server/private-page-memo.ts). Data that JSON
// cannot tell apart from other data (Maps, class instances, promises) gets no key: such a page is always rendered.
import { createHash } from 'node:crypto';

/** Set on a response by entry.server when the load context asks for it: the key of the data it was rendered from. */
export const RENDER_KEY_HEADER = 'x-bc-render-key';

class Unkeyable extends Error {}

// JSON writes some different values the same way (undefined and a missing key, NaN and null, a Date and its ISO
// string); the page's data travels by turbo-stream, which keeps them apart, so the key does too.
const tagged = (tag: string, value?: string) => (value === undefined ? { '\u0000': tag } : { '\u0000': tag, value });

function plainOnly(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof Date) return tagged('date', String(value));
  if (value === undefined) return tagged('undefined');
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return tagged('number', String(value));
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw new Unkeyable();
  if (original !== null && typeof original === 'object') {
    if (typeof (original as { toJSON?: unknown }).toJSON === 'function') throw new Unkeyable();
    const prototype = Object.getPrototypeOf(original);
    if (!Array.isArray(original) && prototype !== Object.prototype && prototype !== null) throw new Unkeyable();
  }
  return value;
}

/** The key of a page (its path and its loader data, by route id); null when some of the data is not plain. */
export function renderKey(path: string, loaderData: Record<string, unknown>): string | null {
  const routes = Object.keys(loaderData).sort();
  try {
    const json = JSON.stringify([path, routes.map((route) => [route, loaderData[route]])], plainOnly);
    return createHash('sha256').update(json).digest('base64url');
  } catch (error) {
    if (error instanceof Unkeyable) return null;
    throw error;
  }
}
