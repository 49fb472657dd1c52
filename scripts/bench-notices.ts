// `npm run bench:notices`: queueing an incident's notices of 62,000 accounts beside /account's p99; saves
// bench-results/notices.json. BENCH_CPU_PROF=1 profiles the portal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { selfTimeTable } from './bench/cpu-profile';
import { noticesBenchTable, noticesProfile, runNoticesBench } from './bench/notices';

const result = await runNoticesBench();
if (process.env.BENCH_CPU_PROF === '1') result.profile = noticesProfile();
console.log(noticesBenchTable(result));
if (result.profile) console.log(`\nPortal CPU profile, top self time:\n\n${selfTimeTable(result.profile)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/notices.json', `${JSON.stringify(result, null, 2)}\n`);
