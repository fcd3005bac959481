// Compressed DICOM frames and PNG/JPEG files decoded in Chromium (the production build, where the
// codecs' WebAssembly is loaded through Vite asset URLs) must give exactly what Node gives.
// Fixtures: tests/fixtures/imaging (npx tsx scripts/makeImagingFixtures.ts). Node's side is the
// same script with --digests, run live, so both sides decode the same bytes with the same code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('tests/fixtures/imaging');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const base64 = (file) => readFileSync(path.join(dir, file)).toString('base64');

let nodeDigests;
/** Node's digest of every fixture (decoded by the same TypeScript code under tsx). */
function nodeDigest(file) {
  nodeDigests ??= JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/makeImagingFixtures.ts', '--digests'], { encoding: 'utf8' }),
  );
  return nodeDigests[file];
}

async function openBench(page, app) {
  await page.goto(`${app.url}bench.html`);
  await page.waitForFunction(() => typeof window.rclBench?.compressedFrameDigest === 'function');
}

export const tests = [
  {
    name: 'every compressed transfer syntax decodes in Chromium to the same samples as in Node',
    gpu: 'none',
    async run({ page, app }) {
      await openBench(page, app);
      const dicom = manifest.fixtures.filter((f) => f.kind === 'dicom');
      const syntaxes = new Set(dicom.map((f) => f.transferSyntaxUid));
      for (const uid of ['1.2.840.10008.1.2.5', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51']) {
        assert.ok(syntaxes.has(uid), `a fixture for ${uid}`);
      }
      assert.ok(syntaxes.size >= 9, `fixtures cover ${syntaxes.size} syntaxes`);
      for (const f of dicom) {
        const got = await page.evaluate(
          ([b64, uid, info, offset, length]) =>
            window.rclBench.compressedFrameDigest(b64, uid, info, offset, length),
          [base64(f.file), f.transferSyntaxUid, f.info, f.frameOffset, f.frameLength],
        );
        const { planar, colourConverted, ...digest } = got;
        assert.deepEqual(digest, nodeDigest(f.file), `${f.file}: browser vs Node`);
        assert.deepEqual(digest, f.digest, `${f.file}: browser vs manifest`);
        assert.equal(
          planar,
          f.file.startsWith('rle-rgb') || f.file.includes('rgb-planar'),
          `${f.file} planar`,
        );
        assert.equal(colourConverted, f.file === 'jpeg-baseline-rgb.dcm' || f.file.includes('rct'), f.file);
      }
    },
  },
  {
    name: 'PNG and JPEG files decode in Chromium to the same values as in Node',
    gpu: 'none',
    async run({ page, app }) {
      await openBench(page, app);
      for (const f of manifest.fixtures.filter((x) => x.kind !== 'dicom')) {
        const got = await page.evaluate((b64) => window.rclBench.rasterDigest(b64), base64(f.file));
        const { rows, columns, samplesPerPixel, bitDepth, ...digest } = got;
        assert.deepEqual(digest, nodeDigest(f.file), `${f.file}: browser vs Node`);
        assert.ok(rows > 0 && columns > 0 && [1, 3].includes(samplesPerPixel) && [8, 16].includes(bitDepth));
      }
    },
  },
  {
    name: 'a cut-off frame and an unknown syntax give typed ImageDecodeErrors in the page',
    gpu: 'none',
    async run({ page, app }) {
      await openBench(page, app);
      const f = manifest.fixtures.find((x) => x.file === 'jpegls-lossless-signed12.dcm');
      const errors = await page.evaluate(
        async ([b64, uid, info, offset, length]) => {
          const attempt = async (...args) => {
            try {
              await window.rclBench.compressedFrameDigest(...args);
              return 'no error';
            } catch (e) {
              return `${e.name}:${e.code}`;
            }
          };
          return [
            await attempt(b64, uid, info, offset, Math.floor(length / 2)),
            await attempt(b64, '1.2.840.10008.1.2.4.110', info, offset, length),
          ];
        },
        [base64(f.file), f.transferSyntaxUid, f.info, f.frameOffset, f.frameLength],
      );
      assert.deepEqual(errors, [
        'ImageDecodeError:truncated',
        'ImageDecodeError:unsupported-transfer-syntax',
      ]);
    },
  },
];
