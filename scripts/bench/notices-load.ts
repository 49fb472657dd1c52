// The notices bench's load driver: closed loop like autocannon (each connection keep-alive, one request at a time,
// the Cookie rotated over the sessions), but when the run's time is up it waits for the requests still in flight and
// counts them. autocannon drops those, so a portal that stops answering altogether looked fine to it: a handful of
// quick answers before the stall and none after, a good p99 of almost nothing.
import { setMaxListeners } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';

export interface StallAwareFigures {
  /** Answers within the run's time, per second of it. */
  requestsPerSecond: number;
  /** Over every request sent in the run, the ones still in flight at its end included with their whole wait. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Requests sent in the run and answered only after its time was up. */
  answeredAfterRun: number;
  /** Still unanswered when waiting for them gave up (their wait so far is in the percentiles). */
  unanswered: number;
  /** The longest time in which no answer came, from the run's start to its last answer. */
  longestSilenceMs: number;
  /** Seconds from the run's start to its last answer. */
  lastAnswerSeconds: number;
}

export interface StallAwareOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
  cookies: string[];
  /** How long to wait, after the run's time, for the requests still in flight. */
  maxWaitSeconds: number;
}

interface Outcome {
  status: number | null;
  endedAt: number;
}

function send(url: string, headers: Record<string, string>, agent: Agent, abort: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (status: number | null) => {
      if (settled) return;
      settled = true;
      resolve({ status, endedAt: performance.now() });
    };
    const request = httpRequest(url, { headers, agent, signal: abort }, (response) => {
      response.resume();
      response.on('end', () => settle(response.statusCode ?? 0));
      response.on('error', () => settle(null));
      response.on('close', () => settle(null)); // closed before its end: aborted
    });
    request.on('error', () => settle(null));
    request.end();
  });
}

const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function run(options: StallAwareOptions, durationSeconds: number, next: () => string): Promise<StallAwareFigures> {
  const startedAt = performance.now();
  const endAt = startedAt + durationSeconds * 1000;
  const giveUp = new AbortController();
  setMaxListeners(options.connections + 1, giveUp.signal); // one listener per request in flight
  const giveUpTimer = setTimeout(() => giveUp.abort(), (durationSeconds + options.maxWaitSeconds) * 1000);
  const latencies: number[] = [];
  const answers: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let answeredAfterRun = 0;
  let unanswered = 0;
  const connection = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (performance.now() < endAt) {
        const sentAt = performance.now();
        const outcome = await send(options.url, { ...options.headers, cookie: next() }, agent, giveUp.signal);
        latencies.push(outcome.endedAt - sentAt);
        if (outcome.status === null) {
          if (giveUp.signal.aborted) unanswered += 1;
          else errors += 1;
          continue;
        }
        answers.push(outcome.endedAt);
        if (outcome.endedAt > endAt) answeredAfterRun += 1;
        if (outcome.status < 200 || outcome.status >= 300) non2xx += 1;
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  clearTimeout(giveUpTimer);
  latencies.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  let longestSilenceMs = 0;
  let previous = startedAt;
  for (const at of answers) {
    longestSilenceMs = Math.max(longestSilenceMs, at - previous);
    previous = at;
  }
  const inRun = answers.filter((at) => at <= endAt).length;
  return {
    requestsPerSecond: inRun / durationSeconds,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    latencyMaxMs: latencies.at(-1) ?? Number.NaN,
    requests: latencies.length,
    errors,
    non2xx,
    answeredAfterRun,
    unanswered,
    longestSilenceMs,
    lastAnswerSeconds: ((answers.at(-1) ?? startedAt) - startedAt) / 1000,
  };
}

/** A discarded warm-up, then the measured run. */
export async function measureStallAware(options: StallAwareOptions): Promise<StallAwareFigures> {
  let index = 0;
  const next = () => options.cookies[index++ % options.cookies.length]!;
  if (options.warmupSeconds > 0) await run(options, options.warmupSeconds, next);
  return run(options, options.durationSeconds, next);
}
