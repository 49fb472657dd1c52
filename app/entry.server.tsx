// Streams the HTML with the request's CSP nonce; bots get the whole document at once.
import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { log, redactPath } from './services/logger.server';
import { NonceProvider } from './utils/nonce-provider';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : '';
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell the promise rejects and Remix reports it; after it, we log here.
          if (shellRendered) log('error', 'render failed', { message: error instanceof Error ? error.message : String(error) });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Unexpected errors are logged with the path's shape only; the customer sees the shared error page. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Thrown Responses (404s and friends) are answers, not faults.
  if (!(error instanceof Error)) return;
  log('error', 'unhandled error', {
    path: redactPath(new URL(request.url).pathname),
    message: error.message,
    stack: error.stack,
  });
}
