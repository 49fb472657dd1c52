// Writes a synthetic extract as the operator files of DESIGN section 5 (accounts.csv, exposures.csv).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { syntheticAccounts } from './synthetic';

export const ACCOUNTS_HEADER = 'account_number,account_type,holder_name,billing_zip,billing_address,email,phones,birth_date';
export const EXPOSURES_HEADER = 'account_number,incident,fields';

export interface ExtractOptions {
  accounts: number;
  seed: number;
  outDir: string;
  gzip?: boolean;
}

export interface ExtractFiles {
  accountsFile: string;
  exposuresFile: string;
  accountRows: number;
  exposureRows: number;
}

/** RFC 4180: quote only when needed, doubling inner quotes. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Buffers lines and writes ~1 MB at a time, waiting for the stream when it asks. */
class LineWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly out: Writable;
  private readonly done: Promise<unknown>;

  constructor(file: string, gzip: boolean) {
    const fileStream = createWriteStream(file);
    this.done = once(fileStream, 'close');
    if (gzip) {
      this.out = createGzip({ level: 6 });
      this.out.pipe(fileStream);
    } else {
      this.out = fileStream;
    }
  }

  /** Returns true when the buffer is full and the caller should await flush(). */
  line(text: string): boolean {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
    return this.size >= 1 << 20;
  }

  async flush(): Promise<void> {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await this.done;
  }
}

export async function writeExtract(options: ExtractOptions): Promise<ExtractFiles> {
  await mkdir(options.outDir, { recursive: true });
  const suffix = options.gzip ? '.csv.gz' : '.csv';
  const accountsFile = path.join(options.outDir, `accounts${suffix}`);
  const exposuresFile = path.join(options.outDir, `exposures${suffix}`);
  const accountsOut = new LineWriter(accountsFile, options.gzip ?? false);
  const exposuresOut = new LineWriter(exposuresFile, options.gzip ?? false);
  accountsOut.line(ACCOUNTS_HEADER);
  exposuresOut.line(EXPOSURES_HEADER);
  let exposureRows = 0;
  for (const { account, exposures } of syntheticAccounts(options.accounts, options.seed)) {
    const accountsFull = accountsOut.line(
      [
        account.accountNumber,
        account.accountType,
        csvField(account.holderName),
        account.billingZip,
        csvField(account.billingAddress),
        csvField(account.email),
        account.phones.join(';'),
        account.birthDate ?? '',
      ].join(','),
    );
    if (accountsFull) await accountsOut.flush();
    for (const exposure of exposures) {
      if (exposuresOut.line(`${exposure.accountNumber},${exposure.incident},${exposure.fields.join(';')}`)) await exposuresOut.flush();
      exposureRows++;
    }
  }
  await Promise.all([accountsOut.close(), exposuresOut.close()]);
  return { accountsFile, exposuresFile, accountRows: options.accounts, exposureRows };
}
