import { describe, expect, it } from 'vitest';
import { renderKey } from './render-key.server';

const key = (data: unknown, path = '/account') => renderKey(path, { 'routes/page': data });

describe('renderKey', () => {
  it('is the same for the same data and path, whatever the order of route ids', () => {
    const data = { report: { name: 'Sam', when: new Date(0), fields: ['name', 'zip'], count: 2, flag: true, none: null } };
    const copy = structuredClone(data);
    expect(key(data)).toBe(key(copy));
    expect(renderKey('/a', { x: 1, y: 2 })).toBe(renderKey('/a', { y: 2, x: 1 }));
  });

  it.each([
    ['a changed value', { a: 1 }, { a: 2 }],
    ['undefined and a missing key', { a: undefined }, {}],
    ['undefined and null', { a: undefined }, { a: null }],
    ['NaN and null', { a: Number.NaN }, { a: null }],
    ['Infinity and null', { a: Number.POSITIVE_INFINITY }, { a: null }],
    ['-0 and 0', { a: -0 }, { a: 0 }],
    ['a Date and its ISO string', { a: new Date(0) }, { a: new Date(0).toISOString() }],
  ])('tells apart %s', (_name, one, other) => {
    expect(key(one)).not.toBe(key(other));
  });

  it('includes the path', () => {
    expect(key({ a: 1 }, '/account')).not.toBe(key({ a: 1 }, '/other'));
  });

  it.each([
    ['a Map', new Map([['a', 1]])],
    [
      'a class instance',
      new (class Thing {
        a = 1;
      })(),
    ],
    ['an object with its own toJSON', { toJSON: () => 'same' }],
    ['a promise', Promise.resolve(1)],
    ['a bigint', 1n],
  ])('gives no key for %s, which JSON cannot tell apart from other data', (_name, value) => {
    expect(key({ value })).toBeNull();
  });
});
