import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  carriedParams,
  coerceParam,
  isValidText,
  normalizeState,
  parseLessonHash,
  serializeLessonHash,
  snapNumber,
  stateFromQuery,
} from '../../../../src/core/lessons/lessonState';
import { parseHash } from '../../../../src/core/lessons/route';
import type {
  LessonDef,
  LessonState,
  NumberParamDef,
  ParamDef,
  StepDef,
} from '../../../../src/core/lessons/types';
import { aiMlDl } from '../../../../src/lessons/ai-ml-dl/aiMlDl';

const L = { en: 'x', zh: '叉' };

const numberParam = (id: string): fc.Arbitrary<NumberParamDef> =>
  fc
    .record({
      minCents: fc.integer({ min: -10_000, max: 10_000 }),
      step: fc.constantFrom(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
      count: fc.integer({ min: 0, max: 60 }),
      extra: fc.constantFrom(0, 0.003, 0.4),
      k: fc.nat(),
    })
    .map(({ minCents, step, count, extra, k }) => {
      const min = minCents / 100;
      const base: NumberParamDef = {
        kind: 'number',
        id,
        label: L,
        min,
        max: min + count * step + extra,
        step,
        default: min,
      };
      return { ...base, default: snapNumber(base, min + (k % (count + 1)) * step) };
    });

const enumParam = (id: string): fc.Arbitrary<ParamDef> =>
  fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 }).chain((values) =>
    fc.constantFrom(...values).map((d): ParamDef => ({
      kind: 'enum',
      id,
      label: L,
      options: values.map((value) => ({ value, label: L })),
      default: d,
    })),
  );

const textParam = (id: string): fc.Arbitrary<ParamDef> =>
  textValue.map((d): ParamDef => ({
    kind: 'text',
    id,
    label: L,
    pattern: '[a-c1-3,]*',
    maxLength: 12,
    default: d,
    hidden: true,
  }));

/** A valid value of {@link textParam}'s parameters. */
const textValue = fc
  .array(fc.constantFrom('a', 'b', 'c', '1', '2', '3', ','), { maxLength: 12 })
  .map((cs) => cs.join(''));

const paramId = fc
  .oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString'))
  .filter((s) => s !== 'step');

const stepArb: fc.Arbitrary<StepDef> = fc
  .uniqueArray(paramId, { maxLength: 4 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.oneof(numberParam(id), enumParam(id), textParam(id)))))
  .map((params): StepDef => ({ id: 'step', title: L, body: L, widget: 'text', params, notes: L }));

const lessonArb: fc.Arbitrary<LessonDef> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 6 }),
  })
  .map(({ id, steps }) => ({ id, title: L, summary: L, minutes: 5, steps }));

/** A valid state of a lesson: any step, each parameter on its grid or one of its options. */
const validState = (lesson: LessonDef): fc.Arbitrary<LessonState> =>
  fc.nat({ max: lesson.steps.length - 1 }).chain((step) => {
    const defs = lesson.steps[step]?.params ?? [];
    const values = defs.map((p) =>
      p.kind === 'enum'
        ? fc.constantFrom(...p.options.map((o) => o.value))
        : p.kind === 'text'
          ? textValue
          : fc.nat({ max: 10_000 }).map((k) => snapNumber(p, p.min + k * p.step)),
    );
    return fc.tuple(...values).map((vs) => ({
      step,
      params: Object.fromEntries(defs.map((p, i) => [p.id, vs[i] as number | string])),
    }));
  });

describe('lesson state in the URL', () => {
  it('round-trips: parse(serialize(state)) equals state', () => {
    fc.assert(
      fc.property(
        lessonArb.chain((lesson) => fc.tuple(fc.constant(lesson), validState(lesson))),
        ([lesson, state]) => {
          const hash = serializeLessonHash(lesson, state);
          expect(parseLessonHash(lesson, hash)).toEqual(state);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('normalises any state to one that round-trips, and normalising is idempotent', () => {
    const raw = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.double(), fc.string({ maxLength: 6 })),
    );
    fc.assert(
      fc.property(lessonArb, fc.integer({ min: -5, max: 20 }), raw, (lesson, step, params) => {
        const s = normalizeState(lesson, { step, params });
        expect(normalizeState(lesson, s)).toEqual(s);
        expect(parseLessonHash(lesson, serializeLessonHash(lesson, s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary hashes and always yields an in-range state', () => {
    fc.assert(
      fc.property(lessonArb, fc.string(), (lesson, tail) => {
        const hash = `#/lesson/${encodeURIComponent(lesson.id)}?${tail}`;
        const s = parseLessonHash(lesson, hash);
        expect(s).not.toBeNull();
        expect(s!.step).toBeGreaterThanOrEqual(0);
        expect(s!.step).toBeLessThan(lesson.steps.length);
        for (const p of lesson.steps[s!.step]!.params) {
          const v = s!.params[p.id];
          if (p.kind === 'number') {
            expect(typeof v).toBe('number');
            expect(v as number).toBeGreaterThanOrEqual(p.min);
            expect(v as number).toBeLessThanOrEqual(p.max + 1e-9);
          } else if (p.kind === 'text') {
            expect(isValidText(p, String(v))).toBe(true);
          } else {
            expect(p.options.map((o) => o.value)).toContain(v);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('uses 1-based steps in the URL and clamps out-of-range or malformed steps', () => {
    const q = (query: Record<string, string>) => stateFromQuery(aiMlDl, query).step;
    expect(q({ step: '2' })).toBe(1);
    expect(q({ step: '1' })).toBe(0);
    expect(q({ step: '0' })).toBe(0);
    expect(q({ step: '-4' })).toBe(0);
    expect(q({ step: '999' })).toBe(aiMlDl.steps.length - 1);
    expect(q({ step: 'abc' })).toBe(0);
    expect(q({ step: '2.5' })).toBe(0);
    expect(q({})).toBe(0);
    expect(serializeLessonHash(aiMlDl, { step: 1, params: {} })).toMatch(/^#\/lesson\/ai-ml-dl\?step=2(&|$)/);
  });

  it('ignores unknown enum values and unknown keys; survives malformed escapes', () => {
    const s = parseLessonHash(aiMlDl, '#/lesson/ai-ml-dl?step=1&highlight=bogus&foo=%E0%A4%A&zzz');
    expect(s).toEqual({ step: 0, params: { highlight: 'none' } });
    expect(parseLessonHash(aiMlDl, '#/lesson/ai-ml-dl?highlight=ml')).toEqual({
      step: 0,
      params: { highlight: 'ml' },
    });
    expect(parseLessonHash(aiMlDl, '#/lesson/other?step=2')).toBeNull();
    expect(parseHash('#/lesson/ai-ml-dl?step=%ZZ').page).toBe('lesson');
  });

  it('keeps a text value only when it matches its pattern in full and is short enough', () => {
    const p: ParamDef = {
      kind: 'text',
      id: 'k',
      label: L,
      pattern: '-?\\d+(,-?\\d+)*',
      maxLength: 10,
      default: '0,1',
      hidden: true,
    };
    expect(coerceParam(p, '1,-2,3')).toBe('1,-2,3');
    expect(coerceParam(p, 'x1,2')).toBe('0,1');
    expect(coerceParam(p, '1,2,')).toBe('0,1');
    expect(coerceParam(p, '1,2,3,4,5,6')).toBe('0,1'); // 11 characters
    expect(coerceParam(p, undefined)).toBe('0,1');
    expect(coerceParam({ ...p, pattern: '(' }, '1')).toBe('0,1'); // a broken pattern accepts nothing
  });

  it('clamps and snaps numbers, and rejects malformed ones', () => {
    const p: NumberParamDef = {
      kind: 'number',
      id: 'w',
      label: L,
      min: -1,
      max: 2,
      step: 0.25,
      default: 0.5,
    };
    expect(coerceParam(p, '7')).toBe(2);
    expect(coerceParam(p, '-9')).toBe(-1);
    expect(coerceParam(p, '0.3')).toBe(0.25);
    expect(coerceParam(p, '0.38')).toBe(0.5);
    expect(coerceParam(p, '1e0')).toBe(1);
    expect(coerceParam(p, 'NaN')).toBe(0.5);
    expect(coerceParam(p, 'Infinity')).toBe(0.5);
    expect(coerceParam(p, '')).toBe(0.5);
    expect(coerceParam(p, '0x10')).toBe(0.5);
    expect(coerceParam(p, undefined)).toBe(0.5);
    expect(Object.is(snapNumber({ ...p, min: -0.1, step: 0.1 }, 0), 0)).toBe(true);
  });
});

describe('carriedParams', () => {
  const model: ParamDef = {
    kind: 'enum',
    id: 'model',
    label: { en: 'Model', zh: '模型' },
    options: [
      { value: 'a', label: { en: 'A', zh: '甲' } },
      { value: 'b', label: { en: 'B', zh: '乙' } },
    ],
    default: 'a',
  };
  const size = (max: number): ParamDef => ({
    kind: 'number',
    id: 'size',
    label: { en: 'Size', zh: '大小' },
    min: 1,
    max,
    step: 1,
    default: 1,
  });
  const step = (id: string, params: ParamDef[]): StepDef =>
    ({ id, title: { en: id, zh: id }, body: { en: '', zh: '' }, params }) as unknown as StepDef;

  it('keeps the value of the carried parameters both steps have, coerced; defaults for the rest', () => {
    const carried = { ...model, carry: true };
    const from = step('one', [carried, { ...size(10), carry: true }, { ...model, id: 'plain' }]);
    const to = step('two', [
      carried,
      { ...size(5), carry: true },
      { ...model, id: 'plain' },
      { ...model, id: 'other' },
    ]);
    expect(carriedParams(from, { model: 'b', size: 8, plain: 'b' }, to)).toEqual({
      model: 'b',
      size: 5,
      plain: 'a',
      other: 'a',
    });
  });

  it('does not carry a value across parameters of another kind with the same id', () => {
    const from = step('one', [{ ...size(10), id: 'model', carry: true }]);
    expect(carriedParams(from, { model: 3 }, step('two', [{ ...model, carry: true }]))).toEqual({
      model: 'a',
    });
  });

  it('gives the defaults when there is no step to come from', () => {
    expect(carriedParams(undefined, {}, step('two', [model, size(5)]))).toEqual({ model: 'a', size: 1 });
  });
});
