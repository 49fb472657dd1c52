// `npm run bench:pin`: prints the PIN hashing table and saves bench-results/pin.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pinBenchTable, runPinBench } from './bench/pin';

const result = await runPinBench();
console.log(pinBenchTable(result));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/pin.json', JSON.stringify(result, null, 2));
