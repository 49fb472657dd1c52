// The shape of every background job here (outbox, provisioning, incident notices): a pass every interval, woken at
// once when work is queued, passes never overlapping, another pass right away while the last batch was full, with
// requests served in between.
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { describeError } from './errors.server';
import { log } from './logger.server';

export interface BackgroundLoop {
  /** Runs a pass now (or right after the one running), in this process. */
  wake(): void;
  stop(): void;
}

/** `pass` returns true when it may have left work (a full batch): it then runs again after requests had a turn. */
export function startBackgroundLoop(name: string, pass: () => Promise<boolean>, intervalMs: number): BackgroundLoop {
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        again ||= await pass();
        // On SQLite a pass's awaits all resolve at once: without this, requests would wait for the whole backlog.
        if (again) await yieldToRequests();
      } while (again && !stopped);
    } catch (error) {
      log('error', `${name} pass failed`, describeError(error));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();
  return {
    wake: () => void run(),
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
