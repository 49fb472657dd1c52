// `npm run data:generate -- --accounts N --seed S --out DIR [--gzip]`: a deterministic synthetic extract.
import { parseArgs } from 'node:util';
import { writeExtract } from '../db/generate/write-extract';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/synthetic' },
    gzip: { type: 'boolean', default: false },
  },
});

const accounts = Number(values.accounts);
const seed = Number(values.seed);
if (!Number.isSafeInteger(accounts) || accounts < 1) fail(`--accounts: expected a positive whole number (got ${values.accounts})`);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed: expected a whole number from 0 (got ${values.seed})`);

const started = performance.now();
const files = await writeExtract({ accounts, seed, outDir: values.out!, gzip: values.gzip });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Wrote ${files.accountRows} accounts to ${files.accountsFile} and ${files.exposureRows} exposures to ${files.exposuresFile} in ${seconds} s`,
);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
