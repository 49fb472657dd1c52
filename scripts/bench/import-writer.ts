// The portal stand-in: a small write transaction every 50 ms against the same database, timing each one,
// with the portal's own connection settings (busy_timeout 5000) so waiting on a lock shows up as latency.
import { openDatabase } from '../../db/client';

const db = openDatabase(process.argv[2]!);
const write = db.$client.prepare(`INSERT INTO rate_limits (key, count, reset_at) VALUES ('bench-writer', 1, ?)
  ON CONFLICT (key) DO UPDATE SET count = count + 1, reset_at = excluded.reset_at`);
const latencies: number[] = [];
const timer = setInterval(() => {
  const started = performance.now();
  db.$client.transaction(() => write.run(Date.now())).immediate();
  latencies.push(performance.now() - started);
  if (process.env.BENCH_WRITER_LOG && latencies.at(-1)! > 20)
    console.error(`writer waited ${latencies.at(-1)!.toFixed(0)} ms at ${new Date().toISOString()}`);
}, 50);

process.on('message', () => {
  clearInterval(timer);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  process.send!({ writes: sorted.length, maxMs: sorted.at(-1) ?? 0, p99Ms: p99 }, () => process.exit(0));
});
process.send!('ready');
