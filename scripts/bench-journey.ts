// `npm run bench:journey`: whole customer journeys against the primitives' floor; saves bench-results/journey.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { journeyBenchTable, runJourneyBench } from './bench/journey';

const result = await runJourneyBench();
console.log(journeyBenchTable(result));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/journey.json', `${JSON.stringify(result, null, 2)}\n`);
