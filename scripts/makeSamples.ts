/**
 * `npm run samples`: writes the sample gallery (DICOM files, PNGs, manifest.json) to
 * public/samples/. The content comes from src/core/imaging/phantoms/makeSampleSet.ts and is
 * byte-identical on every run, so the committed files can be checked against a fresh generation
 * (tests/unit/scripts/makeSamples.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeSampleSet } from '../src/core/imaging/phantoms/makeSampleSet';

/** Writes every sample file into `outDir` (created if needed); returns the file names written. */
export function makeSamples(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = makeSampleSet();
  for (const file of files) writeFileSync(join(outDir, file.name), file.bytes);
  return files.map((f) => f.name);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve('public/samples');
  const started = Date.now();
  const names = makeSamples(outDir);
  console.log(`Wrote ${names.length} files to ${outDir} in ${Date.now() - started} ms`);
}
