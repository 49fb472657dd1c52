// A gzip body made once for a page whose only varying part is a short token (the CSP nonce): the fixed parts are
// compressed ahead of time as byte-aligned deflate segments, and each request splices its token in as a stored block.
import { constants, crc32, deflateRawSync } from 'node:zlib';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// An empty stored block with BFINAL set ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export interface SplicedGzip {
  /** The gzip bytes of parts joined by `token`. */
  render(token: string): Buffer;
}

export function prepareSplicedGzip(parts: readonly string[]): SplicedGzip {
  const fixed = parts.map((part) => Buffer.from(part, 'utf8'));
  // A full flush leaves each segment byte-aligned and self-contained, so segments can be laid end to end.
  const segments = fixed.map((part) => deflateRawSync(part, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  return {
    render(token) {
      const tokenBytes = Buffer.from(token, 'utf8');
      const stored = storedBlock(tokenBytes);
      const chunks: Buffer[] = [GZIP_HEADER];
      let crc = 0;
      let size = 0;
      fixed.forEach((part, index) => {
        if (index > 0) {
          chunks.push(stored);
          crc = crc32(tokenBytes, crc);
          size += tokenBytes.length;
        }
        chunks.push(segments[index]!);
        crc = crc32(part, crc);
        size += part.length;
      });
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc >>> 0, 0);
      trailer.writeUInt32LE(size >>> 0, 4);
      chunks.push(FINAL_BLOCK, trailer);
      return Buffer.concat(chunks);
    },
  };
}

/** A non-final stored (uncompressed) deflate block; valid where the stream is byte-aligned. */
function storedBlock(data: Buffer): Buffer {
  if (data.length > 0xffff) throw new Error('stored blocks hold at most 65535 bytes');
  const block = Buffer.alloc(5 + data.length);
  block[0] = 0x00; // BFINAL 0, BTYPE 00 (stored), then padding to the byte boundary
  block.writeUInt16LE(data.length, 1);
  block.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(block, 5);
  return block;
}
