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

function cannon(options: LoadOptions, durationSeconds: number, amount?: number): Promise<autocannon.Result> {
  let next = 0;
  const cookies = options.cookies ?? [];
  const rotate: autocannon.Request['setupRequest'] = (request) => {
    const cookie = cookies[next++ % cookies.length]!;
    return { ...request, headers: { ...request.headers, cookie } };
  };
  return autocannon({
    url: options.url,
    connections: options.connections,
    ...(amount === undefined ? { duration: durationSeconds } : { amount }),
    headers: options.headers,
    requests: cookies.length > 0 ? [{ method: 'GET', setupRequest: rotate }] : undefined,
  });
}

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  if (options.warmupSeconds > 0) await cannon(options, options.warmupSeconds);
  options.afterWarmup?.();
  const started = performance.now();
  const result = await cannon(options, options.durationSeconds, options.amount);
  const seconds = (performance.now() - started) / 1000;
  return {
    // A fixed amount ends part way through a second, which autocannon's per-second average would count as a whole one.
    requestsPerSecond: options.amount === undefined ? result.requests.average : result.requests.total / seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
