// Streams the HTML with the request's CSP nonce; bots get the whole document at once.
import { Transform, type TransformCallback } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18nFor } from './i18n/translator';
import { describeError } from './services/errors.server';
import { requestLanguage } from './services/i18n.server';
import { log, redactPath } from './services/logger.server';
import { RENDER_KEY_HEADER, renderKey } from './services/render-key.server';
import { NonceProvider } from './utils/nonce-provider';

export const streamTimeout = 5_000;

// The server takes everything it needs from the app through the build (app/portal.server.ts).
export * as portal from './portal.server';

/**
 * Joins the many ~2 KB chunks React writes in one turn of the event loop into one chunk: compression and the
 * web-stream bridge cost per chunk, far more than per byte. Later Suspense flushes still stream as they come.
 */
class CoalescingStream extends Transform {
  private chunks: Buffer[] = [];
  private scheduled = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.chunks.push(chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.pushChunks());
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.pushChunks();
    callback();
  }

  private pushChunks(): void {
    this.scheduled = false;
    if (this.chunks.length === 0) return;
    this.push(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks));
    this.chunks = [];
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = i18nFor(await requestLanguage(request));
  // The same page differs by language: a shared cache must keep them apart.
  responseHeaders.append('Vary', 'Accept-Language, Cookie');
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : '';
  // A page to be kept (server/private-page-memo.ts) is answered only once whole, and keyed only if nothing failed.
  const keyed = loadContext.renderKey === true;
  const readyEvent = keyed || isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';
  let failed = false;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let allReady = false;
    let abortTimer: NodeJS.Timeout | undefined;
    const respond = () => {
      shellRendered = true;
      const rendered = remixContext.staticHandlerContext;
      if (keyed && !failed && responseStatusCode === 200 && !rendered.errors) {
        const key = renderKey(new URL(request.url).pathname, rendered.loaderData);
        if (key) responseHeaders.set(RENDER_KEY_HEADER, key);
      }
      const body = new CoalescingStream();
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        onShellReady() {
          if (readyEvent === 'onShellReady') respond();
        },
        onAllReady() {
          // Nothing is left to abort: a timer left running would fire on a finished stream, once per request.
          allReady = true;
          clearTimeout(abortTimer);
          if (readyEvent === 'onAllReady') respond();
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          responseStatusCode = 500;
          // Before the shell the promise rejects and Remix reports it; after it, we log here.
          if (shellRendered) log('error', 'render failed', describeError(error));
        },
      },
    );
    if (!allReady) abortTimer = setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Unexpected errors are logged with the path's shape only; the customer sees the shared error page. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Thrown Responses (404s and friends) are answers, not faults.
  if (!(error instanceof Error)) return;
  // The class and code only: messages and stacks of driver errors quote the statement's values (codes, recipients).
  log('error', 'unhandled error', { path: redactPath(new URL(request.url).pathname), ...describeError(error) });
}
