/**
 * tests/fixtures/imaging (scripts/makeImagingFixtures.ts): every fixture decodes in Node to the
 * digest recorded in manifest.json (the same digest the e2e test expects from Chromium), each
 * frame's recorded byte range starts with its codestream's marker, and the set stays small.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeCompressedFrame,
  type FrameInfo,
} from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { decodeRaster } from '../../../../../src/core/imaging/raster/decodeRaster';
import { sampleDigest, type SampleDigest } from '../../../../../src/bench/imagingHooks';

interface Fixture {
  file: string;
  kind: 'dicom' | 'png' | 'jpeg';
  transferSyntaxUid?: string;
  info?: FrameInfo;
  frameOffset?: number;
  frameLength?: number;
  digest: SampleDigest;
}

const dir = path.resolve('tests/fixtures/imaging');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { fixtures: Fixture[] };

describe('imaging fixtures', () => {
  it('stay small: ≤ 64×64 each, ≤ 300 kB together', () => {
    let total = statSync(path.join(dir, 'manifest.json')).size;
    for (const f of manifest.fixtures) {
      total += statSync(path.join(dir, f.file)).size;
      if (f.info) expect(Math.max(f.info.rows, f.info.columns)).toBeLessThanOrEqual(64);
    }
    expect(total).toBeLessThanOrEqual(300 * 1024);
  });

  it.each(manifest.fixtures.map((f) => [f.file, f] as const))(
    '%s decodes to its recorded digest',
    async (_, f) => {
      const bytes = new Uint8Array(readFileSync(path.join(dir, f.file)));
      if (f.kind === 'dicom') {
        expect(Array.from(bytes.subarray(128, 132))).toEqual([0x44, 0x49, 0x43, 0x4d]); // "DICM", PS3.10 7.1
        const frame = bytes.subarray(f.frameOffset ?? 0, (f.frameOffset ?? 0) + (f.frameLength ?? 0));
        const marker = f.transferSyntaxUid === '1.2.840.10008.1.2.5' ? [] : [0xff];
        expect(Array.from(frame.subarray(0, marker.length))).toEqual(marker);
        const out = await decodeCompressedFrame(f.transferSyntaxUid ?? '', frame, f.info as FrameInfo);
        expect(sampleDigest(out.pixels)).toEqual(f.digest);
      } else {
        expect(sampleDigest((await decodeRaster(bytes)).pixels)).toEqual(f.digest);
      }
    },
  );
});
