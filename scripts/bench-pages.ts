// `npm run bench:pages`: the pages table; saves bench-results/pages.json. BENCH_CPU_PROF=1 profiles the portal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { selfTimeTable } from './bench/cpu-profile';
import { pagesBenchTable, runPagesBench } from './bench/pages';

const result = await runPagesBench();
console.log(pagesBenchTable(result));
if (result.profile) console.log(`\nPortal CPU profile, top self time:\n\n${selfTimeTable(result.profile)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/pages.json', `${JSON.stringify(result, null, 2)}\n`);
