// A gzip body made once for a page whose only varying part is a short token (the CSP nonce): the fixed parts are
// compressed ahead of time as byte-aligned deflate segments, and each request splices its token in as a stored block.
// Only the compressed segments are kept: the checksum of each answer is put together from per-part checksums.
import { constants, crc32, deflateRawSync } from 'node:zlib';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// An empty stored block with BFINAL set ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export interface SplicedGzip {
  /** The gzip bytes of parts joined by `token`. */
  render(token: string): Buffer;
  /** Bytes held: the compressed segments. */
  readonly size: number;
}

interface Segment {
  deflated: Buffer;
  crc: number;
  length: number;
  /** Carries a CRC over this part's length of bytes: crc(prefix + part) = shift(crc(prefix)) ^ crc(part). */
  shift: Uint32Array;
}

// What a Segment costs beyond its deflated bytes: the operator's 128 bytes and the objects around it.
const SEGMENT_OVERHEAD = 256;

export function prepareSplicedGzip(parts: readonly string[], level = constants.Z_BEST_COMPRESSION): SplicedGzip {
  const prepared = parts.map((part) => {
    const bytes = Buffer.from(part, 'utf8');
    // A full flush leaves each segment byte-aligned and self-contained, so segments can be laid end to end.
    const deflated = deflateRawSync(bytes, { level, finishFlush: constants.Z_FULL_FLUSH });
    return { deflated, crc: crc32(bytes), length: bytes.length, shift: zeroBytesOperator(bytes.length) };
  });
  // zlib hands back views of its 16 KiB output buffers: copy them into one exact-size buffer so that is all we hold.
  const joined = Buffer.allocUnsafeSlow(prepared.reduce((total, { deflated }) => total + deflated.length, 0));
  let offset = 0;
  const segments: Segment[] = prepared.map(({ deflated, ...rest }) => {
    deflated.copy(joined, offset);
    const segment = { ...rest, deflated: joined.subarray(offset, offset + deflated.length) };
    offset += deflated.length;
    return segment;
  });
  return {
    size: joined.length + segments.length * SEGMENT_OVERHEAD,
    render(token) {
      const tokenBytes = Buffer.from(token, 'utf8');
      const stored = storedBlock(tokenBytes);
      const chunks: Buffer[] = [GZIP_HEADER];
      let crc = 0;
      let size = 0;
      segments.forEach((segment, index) => {
        if (index > 0) {
          chunks.push(stored);
          crc = crc32(tokenBytes, crc);
          size += tokenBytes.length;
        }
        chunks.push(segment.deflated);
        crc = (applyOperator(segment.shift, crc) ^ segment.crc) >>> 0;
        size += segment.length;
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

// CRC-32 as linear maps over GF(2) (zlib's crc32_combine): a 32x32 bit matrix is 32 column words.
function applyOperator(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function multiply(a: Uint32Array, b: Uint32Array): Uint32Array {
  const product = new Uint32Array(32);
  for (let i = 0; i < 32; i++) product[i] = applyOperator(a, b[i]!);
  return product;
}

/** ZERO_BYTE_POWERS[k]: the operator for appending 2^k zero bytes; built once, 32 squarings. */
const ZERO_BYTE_POWERS: Uint32Array[] = (() => {
  const oneBit = new Uint32Array(32);
  oneBit[0] = 0xedb88320; // the reflected CRC-32 polynomial
  for (let i = 1; i < 32; i++) oneBit[i] = 1 << (i - 1);
  let operator: Uint32Array = oneBit;
  for (let bits = 1; bits < 8; bits *= 2) operator = multiply(operator, operator); // one zero byte = 8 zero bits
  const powers: Uint32Array[] = [operator];
  for (let k = 1; k < 32; k++) powers.push(multiply(powers[k - 1]!, powers[k - 1]!));
  return powers;
})();

function zeroBytesOperator(length: number): Uint32Array {
  let operator: Uint32Array | null = null;
  for (let k = 0; length > 0; k++, length = Math.floor(length / 2)) {
    if (length % 2 === 1) operator = operator ? multiply(ZERO_BYTE_POWERS[k]!, operator) : ZERO_BYTE_POWERS[k]!;
  }
  return operator ?? identity();
}

function identity(): Uint32Array {
  const matrix = new Uint32Array(32);
  for (let i = 0; i < 32; i++) matrix[i] = (1 << i) >>> 0;
  return matrix;
}
