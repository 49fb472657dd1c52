// The portal stand-in on PostgreSQL: a small write transaction every 50 ms against the import's database, timing each
// one, so any wait on a lock the import holds shows up as latency (MVCC should leave none).
import pg from 'pg';

const client = new pg.Client({ connectionString: process.argv[2] });
await client.connect();
const latencies: number[] = [];
let writing = false;
const timer = setInterval(() => {
  if (writing) return; // one at a time: a slow write is its own latency, not a pile-up
  writing = true;
  const started = performance.now();
  client
    .query(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES ('bench-writer', 1, now())
      ON CONFLICT (key) DO UPDATE SET count = rate_limits.count + 1, reset_at = excluded.reset_at`,
    )
    .then(() => latencies.push(performance.now() - started))
    .catch((error: unknown) => console.error(`writer: ${String(error)}`))
    .finally(() => (writing = false));
}, 50);

process.on('message', () => {
  clearInterval(timer);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  void client.end().finally(() => process.send!({ writes: sorted.length, maxMs: sorted.at(-1) ?? 0, p99Ms: p99 }, () => process.exit(0)));
});
process.send!('ready');
