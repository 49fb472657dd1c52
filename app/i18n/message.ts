// A sentence the server means to say, carried as a catalog key and its values where the words cannot be chosen yet:
// thrown Responses (the error page words them in the page's language) and services below the request.
import type { TFunction } from 'i18next';

export type MessageValues = Record<string, string | number>;

/** "messages:tooManyAttempts|{"waitSeconds":700}": what a thrown Response carries for the error page. */
export function encodeMessage(key: string, values?: MessageValues): string {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

const ENCODED = /^([a-z]+:[\w.-]+)(?:\|(\{.*\}))?$/s;

export function decodeMessage(text: string): { key: string; values: MessageValues } | null {
  const match = ENCODED.exec(text);
  if (!match) return null;
  try {
    return { key: match[1]!, values: match[2] ? (JSON.parse(match[2]) as MessageValues) : {} };
  } catch {
    return null;
  }
}

/** 45 → "45 seconds", 700 → "12 minutes", 5400 → "2 hours" (rounded up: never sooner than true), in t's language. */
export function describeWait(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('common:wait.seconds', { count: seconds });
  if (seconds < 3600) return t('common:wait.minutes', { count: Math.ceil(seconds / 60) });
  return t('common:wait.hours', { count: Math.ceil(seconds / 3600) });
}

/** The sentence in t's language; a `waitSeconds` value becomes `wait`, said in words. */
export function translateMessage(t: TFunction, key: string, values: MessageValues = {}): string {
  const { waitSeconds, ...rest } = values;
  return t(key, typeof waitSeconds === 'number' ? { ...rest, wait: describeWait(t, waitSeconds) } : rest);
}
