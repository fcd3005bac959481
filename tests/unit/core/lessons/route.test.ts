import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, parseQuery, type Route } from '../../../../src/core/lessons/route';

describe('hash routes', () => {
  it('parses the known routes', () => {
    expect(parseHash('')).toEqual({ page: 'catalogue' });
    expect(parseHash('#')).toEqual({ page: 'catalogue' });
    expect(parseHash('#/')).toEqual({ page: 'catalogue' });
    expect(parseHash('#/zoo')).toEqual({ page: 'zoo' });
    expect(parseHash('#/playground/')).toEqual({ page: 'playground' });
    expect(parseHash('#/about')).toEqual({ page: 'about' });
    expect(parseHash('#/lesson/ai-ml-dl?step=2&foo=3')).toEqual({
      page: 'lesson',
      lessonId: 'ai-ml-dl',
      query: { step: '2', foo: '3' },
    });
  });

  it('sends anything else to not-found', () => {
    expect(parseHash('#/nope')).toEqual({ page: 'not-found', path: '/nope' });
    expect(parseHash('#/lesson')).toEqual({ page: 'not-found', path: '/lesson' });
    expect(parseHash('#/lesson/a/b')).toEqual({ page: 'not-found', path: '/lesson/a/b' });
    expect(parseHash('#/zoo/extra').page).toBe('not-found');
  });

  it('keeps the first of repeated keys and decodes values', () => {
    expect(parseQuery('a=1&a=2&b=x%20y&c&=z')).toEqual({ a: '1', b: 'x y', c: '' });
  });

  it('never throws, and lesson routes round-trip through formatHash', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseHash(s)));
    const route = fc.record({
      lessonId: fc.string({ minLength: 1 }),
      query: fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
    });
    fc.assert(
      fc.property(route, ({ lessonId, query }) => {
        const r: Route = { page: 'lesson', lessonId, query };
        const back = parseHash(formatHash(r));
        expect(back).toEqual({ page: 'lesson', lessonId, query: { ...query } });
      }),
    );
  });
});

describe('hostile query keys', () => {
  it('keeps __proto__ and constructor as plain data', () => {
    const q = parseQuery('__proto__=1&constructor=2');
    expect(Object.getPrototypeOf(q)).toBe(Object.prototype);
    expect(Object.keys(q)).toEqual(['__proto__', 'constructor']);
  });
});
