// What the journey bench's driver (journey-driver.ts) is given and answers, shared with the bench that runs it.
export const JOURNEY_STEPS = [
  'request code',
  'read code (outbox)',
  'verify code',
  'registration options',
  'registration verification',
  'read /account',
  'change PIN',
  'port-out protection on',
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export interface DriverInput {
  url: string;
  origin: string;
  customersFile: string;
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** After the run, how long to wait for provisioning to confirm every lock (and the outbox to drain). */
  drainSeconds: number;
  /** Signed-in customers handed back for the render measurement. */
  sessionSamples: number;
  /** Journeys whose new PIN is checked against the stored hash (an Argon2id verification each). */
  pinSamples: number;
  portalPid: number;
  /** PostgreSQL's postmaster, whose CPU (and its backends') is counted per journey; null on SQLite. */
  databasePid: number | null;
}

export interface Percentiles {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface LockCounts {
  on: number;
  pending: number;
  /** Off, failed or missing: a journey whose lock did not take. */
  other: number;
}

export interface DriverResult {
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** The measured window: from the warm-up's end to the run's end (or to when the accounts ran out). */
  windowSeconds: number;
  started: number;
  succeeded: number;
  /** Journeys that ended, successful, within the window: the throughput's numerator. */
  succeededInWindow: number;
  journeysPerSecond: number;
  failed: number;
  failures: Array<{ step: string; reason: string; count: number }>;
  ranOutOfCustomers: boolean;
  /** Over the successful journeys that started after the warm-up. */
  steps: Record<JourneyStep | 'whole journey', Percentiles>;
  cpuMsPerJourney: { portal: number; driver: number; database: number | null };
  outcomes: {
    checked: number;
    pinChanged: number;
    /** New PIN verified against the stored hash, of `pinSamples`. */
    pinSampleMatched: number;
    pinSampleSize: number;
    locksAtEnd: LockCounts;
    locksAfterDrain: LockCounts;
    /** Seconds from the run's end until every lock was on (null: not within drainSeconds). */
    secondsUntilAllOn: number | null;
    outboxPendingAtEnd: number;
    outboxPendingAfterDrain: number;
    /** Checks that failed: each is an error of the run. */
    errors: number;
  };
  sessions: Array<{ cookie: string; address: string; accountUrl: string }>;
}
