// `npm run bench:sign-in`: passkey verification table; saves bench-results/sign-in.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { runSignInBench, signInBenchTable } from './bench/sign-in';

const result = await runSignInBench();
console.log(signInBenchTable(result));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/sign-in.json', `${JSON.stringify(result, null, 2)}\n`);
