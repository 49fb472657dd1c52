// Where an import's time goes: wall milliseconds summed per phase (reading, each kind of statement, checkpoints,
// pauses...), in the summary so a benchmark can print them. Two clock reads per timed step, a few hundred steps an
// import. The import's main phases also get this thread's CPU time, where Linux tells it: on a shared machine the
// gap between the two is time spent waiting for a core.
import { readFileSync } from 'node:fs';

/** This thread's CPU time in ms (Linux), or NaN. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export class PhaseTimes {
  private readonly ms = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  time<T>(name: string, step: () => T): T {
    const started = performance.now();
    try {
      return step();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  /** Also records the CPU time of this thread under "<name> (main thread CPU)". */
  async timeAsync<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const cpu = threadCpuMs();
    try {
      return await step();
    } finally {
      this.add(name, performance.now() - started);
      const used = threadCpuMs() - cpu;
      if (!Number.isNaN(used)) this.add(`${name} (main thread CPU)`, used);
    }
  }

  add(name: string, ms: number): void {
    this.ms.set(name, (this.ms.get(name) ?? 0) + ms);
  }

  /** Keeps the largest value given under this name (the longest of a kind of step). */
  max(name: string, ms: number): void {
    this.ms.set(name, Math.max(this.ms.get(name) ?? 0, ms));
  }

  /** Counts something (write transactions), reported as "<name> (count)". */
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Adds another PhaseTimes' seconds() (timed in another thread). */
  merge(report: Record<string, number>): void {
    for (const [name, value] of Object.entries(report)) {
      if (name.endsWith(' (count)'))
        this.counts.set(name.slice(0, -' (count)'.length), (this.counts.get(name.slice(0, -' (count)'.length)) ?? 0) + value);
      else this.add(name, value * 1000);
    }
  }

  /** Seconds per phase, in the order each was first timed, then the counts. */
  seconds(): Record<string, number> {
    return Object.fromEntries([
      ...[...this.ms].map(([name, ms]) => [name, Math.round(ms) / 1000]),
      ...[...this.counts].map(([name, count]) => [`${name} (count)`, count]),
    ]);
  }
}
