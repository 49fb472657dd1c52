// Streams a .csv or .csv.gz file in 1 MB chunks as text, hashing the raw bytes and reporting bytes read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export interface ReadResult {
  sha256: string;
  bytes: number;
}

/** Gzip is recognised by its magic bytes, so a mis-named file still reads correctly. */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** A file (a gzip file, once decompressed) larger than the import takes. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file holds more than ${Math.round(maxBytes / 2 ** 20).toLocaleString('en-US')} MB once decompressed`);
    this.name = 'FileTooLargeError';
  }
}

/** 4 GiB of text: 2.3 M accounts are about 270 MB, so this is room for thirty times the largest incident, not a bomb. */
export const MAX_TEXT_BYTES = 4 * 2 ** 30;

export async function readTextChunks(
  file: string,
  /** May return a promise: the next chunk is read once it settles (a consumer's backpressure). */
  onText: (text: string) => void | Promise<void>,
  onBytes: (bytesRead: number) => void,
  options: { maxTextBytes?: number; shouldStop?: () => boolean } = {},
): Promise<ReadResult> {
  const maxTextBytes = options.maxTextBytes ?? MAX_TEXT_BYTES;
  const gzip = await isGzip(file);
  const hash = createHash('sha256');
  let bytes = 0;
  // Hashes and counts the file's own bytes (compressed, for .gz) on their way through.
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
      done(null, chunk);
    },
  });
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const noop = () => {}; // errors surface through the for-await below
  const source: Readable = gzip ? pipeline(raw, tap, createGunzip({ chunkSize: 1 << 20 }), noop) : pipeline(raw, tap, noop);
  const decoder = new StringDecoder('utf8');
  let textBytes = 0;
  for await (const chunk of source) {
    textBytes += (chunk as Buffer).length;
    if (textBytes > maxTextBytes) {
      raw.destroy();
      throw new FileTooLargeError(maxTextBytes);
    }
    await onText(decoder.write(chunk as Buffer));
    if (options.shouldStop?.()) {
      raw.destroy();
      return { sha256: '', bytes };
    }
  }
  const tail = decoder.end();
  if (tail) await onText(tail);
  return { sha256: hash.digest('hex'), bytes };
}
