/**
 * Fuzzing decodeImageFile with fast-check: valid DICOM fixtures truncated, with bytes flipped,
 * lengthened, or with length fields overwritten. Whatever the bytes, decodeImageFile must either
 * give an image whose frames have rows × columns × samples values, or reject with an
 * ImageDecodeError — never another error, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImageFile } from '../../../../src/core/imaging/decodeImageFile';
import { ImageDecodeError } from '../../../../src/core/imaging/ImageDecodeError';
import { validFixtures } from './dicom/validFixtures';

const fixtures = validFixtures();
/** Slowest single decode allowed, generous for a loaded CI core. */
const CASE_LIMIT_MS = 1000;

/** Decodes; returns a description of a violation, or null when the outcome is acceptable. */
async function check(bytes: Uint8Array): Promise<string | null> {
  const started = performance.now();
  let outcome: string | null = null;
  try {
    const image = await decodeImageFile(bytes);
    if (image.kind === 'dicom') {
      const expected = image.rows * image.columns * (image.samplesPerPixel === 3 ? 3 : 1);
      for (let i = 0; i < image.numberOfFrames; i++) {
        if (image.frame(i).length !== expected)
          outcome = `frame ${i} has ${image.frame(i).length} values, not ${expected}`;
        if (image.storedFrame(i).length !== expected) outcome = `stored frame ${i} has the wrong length`;
      }
    } else if (image.pixels.length !== image.rows * image.columns * image.samplesPerPixel) {
      outcome = 'raster pixels have the wrong length';
    }
  } catch (e) {
    if (!(e instanceof ImageDecodeError))
      outcome = `threw ${String(e)}${e instanceof Error ? `\n${e.stack}` : ''}`;
    else if (e.message === '' || e.messageZh === '') outcome = 'ImageDecodeError without a message';
  }
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) outcome = `took ${elapsed.toFixed(0)} ms`;
  return outcome;
}

const fixtureIndex = fc.integer({ min: 0, max: fixtures.length - 1 });
const fileOf = (i: number) => {
  const entry = fixtures[i];
  if (entry === undefined) throw new Error(`no fixture ${i}`);
  return entry[1];
};

describe('fuzz: decodeImageFile on mutated DICOM files', () => {
  it('decodes every unmutated fixture', async () => {
    for (const [name, built] of fixtures) {
      const image = await decodeImageFile(built.bytes);
      expect(image.kind, name).toBe('dicom');
      expect(await check(built.bytes), name).toBeNull();
    }
  });

  it('truncated at any offset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fixtureIndex.chain((i) =>
          fc.tuple(fc.constant(i), fc.integer({ min: 0, max: fileOf(i).bytes.length })),
        ),
        async ([i, cut]) => {
          expect(await check(fileOf(i).bytes.slice(0, cut))).toBeNull();
        },
      ),
      { numRuns: 600 },
    );
  });

  it('with random bytes overwritten', async () => {
    await fc.assert(
      fc.asyncProperty(
        fixtureIndex.chain((i) =>
          fc.tuple(
            fc.constant(i),
            fc.array(
              fc.tuple(
                fc.integer({ min: 0, max: fileOf(i).bytes.length - 1 }),
                fc.integer({ min: 0, max: 255 }),
              ),
              {
                minLength: 1,
                maxLength: 12,
              },
            ),
          ),
        ),
        async ([i, flips]) => {
          const bytes = fileOf(i).bytes.slice();
          for (const [at, value] of flips) bytes[at] = value;
          expect(await check(bytes)).toBeNull();
        },
      ),
      { numRuns: 700 },
    );
  });

  it('lengthened with random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureIndex, fc.uint8Array({ minLength: 1, maxLength: 300 }), async (i, tail) => {
        const original = fileOf(i).bytes;
        const bytes = new Uint8Array(original.length + tail.length);
        bytes.set(original);
        bytes.set(tail, original.length);
        expect(await check(bytes)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('with length fields overwritten', async () => {
    const lengthValue = fc.oneof(
      fc.constant(0),
      fc.constant(0xffffffff),
      fc.constant(0xffff),
      fc.integer({ min: 1, max: 64 }),
      fc.integer({ min: 0, max: 0xffffffff }),
    );
    await fc.assert(
      fc.asyncProperty(
        fixtureIndex.chain((i) =>
          fc.tuple(fc.constant(i), fc.nat({ max: fileOf(i).lengthFields.length - 1 }), lengthValue),
        ),
        async ([i, field, value]) => {
          const built = fileOf(i);
          const [at, size] = built.lengthFields[field] ?? [0, 2];
          const bytes = built.bytes.slice();
          // Little endian, or big endian for the data set of the big-endian fixtures (either is a valid mutation).
          for (let k = 0; k < size; k++) bytes[at + k] = Math.floor(value / 256 ** k) & 0xff;
          expect(await check(bytes)).toBeNull();
        },
      ),
      { numRuns: 600 },
    );
  });
});
