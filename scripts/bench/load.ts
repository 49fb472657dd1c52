// One autocannon load run (after a discarded warm-up), optionally rotating the Cookie header across sessions.
import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
  /** Cookie values to rotate through, one per request; none for public pages. */
  cookies?: string[];
  /** Called between the warm-up and the measured run (e.g. to read the server's CPU time). */
  afterWarmup?: () => void;
  /** Send exactly this many requests (one per cookie, say) instead of running for durationSeconds. */
  amount?: number;
}

/** The run's result, and when its last answer came (performance.now()). */
function cannon(
  options: LoadOptions,
  durationSeconds: number,
  amount?: number,
): Promise<{ result: autocannon.Result; lastAnswerAt: number }> {
  let next = 0;
  const cookies = options.cookies ?? [];
  const rotate: autocannon.Request['setupRequest'] = (request) => {
    const cookie = cookies[next++ % cookies.length]!;
    return { ...request, headers: { ...request.headers, cookie } };
  };
  return new Promise((resolve, reject) => {
    let lastAnswerAt = performance.now();
    const run = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(amount === undefined ? { duration: durationSeconds } : { amount }),
        headers: options.headers,
        requests: cookies.length > 0 ? [{ method: 'GET', setupRequest: rotate }] : undefined,
      },
      (error, result) => (error ? reject(error) : resolve({ result, lastAnswerAt })),
    );
    run.on('response', () => (lastAnswerAt = performance.now()));
  });
}

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  if (options.warmupSeconds > 0) await cannon(options, options.warmupSeconds);
  options.afterWarmup?.();
  const started = performance.now();
  const { result, lastAnswerAt } = await cannon(options, options.durationSeconds, options.amount);
  // A fixed amount ends part way through a second, which autocannon's per-second average would count as a whole one;
  // and autocannon reports it only at its next one-second tick, so the time is the last answer's, not the report's.
  const seconds = (lastAnswerAt - started) / 1000;
  return {
    requestsPerSecond: options.amount === undefined ? result.requests.average : result.requests.total / seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
