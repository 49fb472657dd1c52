import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareSplicedGzip } from './spliced-gzip';

describe('spliced gzip', () => {
  it('decompresses to the parts joined by each token, with a valid checksum and size', () => {
    const parts = ['<html><script nonce="', '">x</script><p>', 'é'.repeat(5000) + '</p><script nonce="', '"></script></html>'];
    const gzip = prepareSplicedGzip(parts);
    for (const token of ['abc123==', 'Zm9vYmFyYmF6cXV4', '']) {
      expect(gunzipSync(gzip.render(token)).toString('utf8')).toBe(parts.join(token));
    }
  });

  it('keeps the checksum right when a token starts or ends the page, or two tokens meet', () => {
    const parts = ['', '<p>', '', 'x'.repeat(70_000), ''];
    const gzip = prepareSplicedGzip(parts, 1);
    expect(gunzipSync(gzip.render('n0nce')).toString('utf8')).toBe(parts.join('n0nce'));
  });

  it('handles a page with no token at all, and compresses the fixed parts', () => {
    const page = 'hello world '.repeat(1000);
    const body = prepareSplicedGzip([page]).render('unused');
    expect(gunzipSync(body).toString()).toBe(page);
    expect(body.length).toBeLessThan(page.length / 10);
  });
});

describe('spliced gzip memory', () => {
  it("holds about its compressed bytes, not zlib's 16 KiB output buffers", () => {
    const gzip = prepareSplicedGzip(['<p>', '</p><script nonce="', '"></script>', '', 'end'], 6);
    expect(gzip.size).toBeLessThan(2_000);
  });
});
