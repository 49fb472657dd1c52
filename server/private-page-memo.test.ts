import { describe, expect, it } from 'vitest';
import { PageMemo } from './private-page-memo';
import { prepareSplicedGzip } from './spliced-gzip';

const page = (text: string) => ({
  status: 200,
  headers: [['content-type', 'text/html']] as Array<[string, string]>,
  gzip: prepareSplicedGzip([text], 1),
});

describe('the page memo', () => {
  it('stays within its byte budget, letting the least recently used page go first', () => {
    const memo = new PageMemo(4_000);
    memo.set('a', page('a'.repeat(500)));
    memo.set('b', page('b'.repeat(500)));
    memo.set('c', page('c'.repeat(500)));
    expect(memo.get('a')).toBeDefined(); // a is now the most recently used
    for (let i = 0; i < 10; i++) memo.set(`page ${i}`, page(String(i).repeat(500)));
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('page 9')).toBeDefined();
    expect(memo.heldBytes).toBeLessThanOrEqual(4_000);
  });

  it('never keeps a page larger than the whole budget', () => {
    const memo = new PageMemo(100);
    memo.set('big', page('x'.repeat(10_000)));
    expect(memo.get('big')).toBeUndefined();
    expect(memo.heldBytes).toBe(0);
  });
});
