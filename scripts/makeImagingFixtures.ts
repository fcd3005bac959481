/**
 * Writes small compressed DICOM files (one per transfer syntax and pixel format) and PNG/JPEG files
 * to tests/fixtures/imaging/, with manifest.json describing each: the frame's FrameInfo, where the
 * frame's bytes sit in the file, and the digest of its decoded samples.
 *
 * The pixels are known (seeded noise for lossless syntaxes, smooth shapes for lossy ones) and each
 * file is checked as it is written: lossless frames must decode to exactly the encoder's input,
 * lossy ones within the stated tolerance. Same bytes on every run.
 *
 *   npx tsx scripts/makeImagingFixtures.ts            # write the fixtures
 *   npx tsx scripts/makeImagingFixtures.ts --digests  # print Node's digest of every fixture (JSON)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encode as encodePng } from 'fast-png';
import { decodeCompressedFrame, type FrameInfo } from '../src/core/imaging/codecs/decodeCompressedFrame';
import { decodeRaster } from '../src/core/imaging/raster/decodeRaster';
import { writeDicom } from '../src/core/imaging/writer/writeDicom';
import { sampleDigest, type SampleDigest } from '../src/bench/imagingHooks';
import { encodeRle } from '../tests/unit/core/imaging/codecs/encoders/encodeRle';
import { encodeJpegLossless } from '../tests/unit/core/imaging/codecs/encoders/encodeJpegLossless';
import { encodeJpeg12 } from '../tests/unit/core/imaging/codecs/encoders/encodeJpeg12';
import {
  encodeHtj2k,
  encodeJpeg2000,
  encodeJpegBaseline,
  encodeJpegLs,
} from '../tests/unit/core/imaging/codecs/encoders/wasmEncoders';
import {
  maxAbsDiff,
  noise,
  smooth,
  smoothRgb,
  toPlanar,
} from '../tests/unit/core/imaging/codecs/encoders/testImages';
import { colourInfo, monoInfo, patterns } from '../tests/unit/core/imaging/codecs/frameInfo';

const OUT = path.resolve('tests/fixtures/imaging');

/** One fixture of manifest.json. */
export interface ImagingFixture {
  file: string;
  kind: 'dicom' | 'png' | 'jpeg';
  description: string;
  transferSyntaxUid?: string;
  info?: FrameInfo;
  /** Byte range of the (single) frame's fragment inside the file. */
  frameOffset?: number;
  frameLength?: number;
  /** 0 for lossless: the decode equals the encoder input exactly. */
  tolerance: number;
  digest: SampleDigest;
}

interface DicomCase {
  file: string;
  description: string;
  uid: string;
  info: FrameInfo;
  /** Encoder input, in the layout the decoder returns (interleaved, or by plane for RLE colour). */
  expected: number[];
  tolerance: number;
  encode: () => Promise<Uint8Array> | Uint8Array;
}

function dicomCases(): DicomCase[] {
  const ct = noise(40 * 48, -1024, 1500, 11); // a CT-like range, signed 16-bit
  const rgbSmall = smoothRgb(29, 33);
  const grey8 = smooth(48, 64, 10, 245);
  const rgbLossy = smoothRgb(48, 64);
  const ct12 = smooth(45, 61, 0, 4000);
  const mr12 = noise(33 * 47, 0, 4095, 12);
  const signed16 = noise(31 * 37, -32768, 32767, 13);
  const grey8n = noise(25 * 27, 0, 255, 14);
  const signed12 = noise(35 * 43, -2048, 2047, 15);
  const grey8s = smooth(40, 40, 0, 255);
  const rgbNoise = noise(21 * 23 * 3, 0, 255, 16);
  // Smooth plus noise: OpenJPEG's encoder writes into a buffer 1.5× the raw size, which pure
  // 16-bit noise can overflow.
  const wobble = noise(30 * 34, -64, 64, 17);
  const signed16b = smooth(30, 34, -20000, 20000).map((v, i) => v + (wobble[i] ?? 0));
  const rgbJ2k = smoothRgb(27, 31);
  const ct12s = smooth(40, 44, 0, 4095);
  const htSigned = noise(26 * 38, -3000, 3000, 18);
  const input = (
    width: number,
    height: number,
    components: 1 | 3,
    bits: number,
    signed: boolean,
    samples: number[],
  ) => ({
    width,
    height,
    components,
    bitsPerSample: bits,
    signed,
    samples,
  });
  return [
    {
      file: 'rle-mono16-signed.dcm',
      description: 'RLE Lossless, 16-bit signed CT-like noise, 48×40',
      uid: '1.2.840.10008.1.2.5',
      info: monoInfo(40, 48, 16, 16, true),
      expected: ct,
      tolerance: 0,
      encode: () => encodeRle(patterns(ct, 16), 40, 48, 1, 16),
    },
    {
      file: 'rle-rgb8.dcm',
      description: 'RLE Lossless, 8-bit RGB, 33×29 (decoded by plane)',
      uid: '1.2.840.10008.1.2.5',
      info: colourInfo(29, 33, 'RGB'),
      expected: toPlanar(rgbSmall, 3),
      tolerance: 0,
      encode: () => encodeRle(rgbSmall, 29, 33, 3, 8),
    },
    {
      file: 'jpeg-baseline-mono8.dcm',
      description: 'JPEG Baseline, 8-bit grey, 64×48, quality 100 (tolerance: see codecs tests)',
      uid: '1.2.840.10008.1.2.4.50',
      info: monoInfo(48, 64, 8, 8, false),
      expected: grey8,
      tolerance: 8,
      encode: () => encodeJpegBaseline(input(64, 48, 1, 8, false, grey8), 100),
    },
    {
      file: 'jpeg-baseline-rgb.dcm',
      description: 'JPEG Baseline, YBR_FULL colour 4:4:4, 64×48, quality 100, returned as RGB',
      uid: '1.2.840.10008.1.2.4.50',
      info: colourInfo(48, 64, 'YBR_FULL'),
      expected: rgbLossy,
      tolerance: 8,
      encode: () => encodeJpegBaseline(input(64, 48, 3, 8, false, rgbLossy), 100),
    },
    {
      file: 'jpeg-extended-12bit.dcm',
      description: 'JPEG Extended (Process 4), 12-bit grey, 61×45, unit quantisation',
      uid: '1.2.840.10008.1.2.4.51',
      info: monoInfo(45, 61, 16, 12, false),
      expected: ct12,
      tolerance: 8,
      encode: () => encodeJpeg12(ct12, 45, 61),
    },
    {
      file: 'jpeg-lossless-sv1-mono12.dcm',
      description: 'JPEG Lossless SV1, 12 bits stored in 16, 47×33',
      uid: '1.2.840.10008.1.2.4.70',
      info: monoInfo(33, 47, 16, 12, false),
      expected: mr12,
      tolerance: 0,
      encode: () => encodeJpegLossless(mr12, 33, 47, 12, 1),
    },
    {
      file: 'jpeg-lossless-p6-signed16.dcm',
      description: 'JPEG Lossless (Process 14, predictor 6), 16-bit signed, 37×31',
      uid: '1.2.840.10008.1.2.4.57',
      info: monoInfo(31, 37, 16, 16, true),
      expected: signed16,
      tolerance: 0,
      encode: () => encodeJpegLossless(patterns(signed16, 16), 31, 37, 16, 6),
    },
    {
      file: 'jpeg-lossless-sv1-mono8.dcm',
      description: 'JPEG Lossless SV1, 8-bit grey, 27×25',
      uid: '1.2.840.10008.1.2.4.70',
      info: monoInfo(25, 27, 8, 8, false),
      expected: grey8n,
      tolerance: 0,
      encode: () => encodeJpegLossless(grey8n, 25, 27, 8, 1),
    },
    {
      file: 'jpegls-lossless-signed12.dcm',
      description: 'JPEG-LS Lossless, 12-bit signed (two’s complement patterns), 43×35',
      uid: '1.2.840.10008.1.2.4.80',
      info: monoInfo(35, 43, 16, 12, true),
      expected: signed12,
      tolerance: 0,
      encode: () => encodeJpegLs(input(43, 35, 1, 12, false, patterns(signed12, 12)), 0),
    },
    {
      file: 'jpegls-near3-mono8.dcm',
      description: 'JPEG-LS Near-Lossless, NEAR = 3, 8-bit grey, 40×40',
      uid: '1.2.840.10008.1.2.4.81',
      info: monoInfo(40, 40, 8, 8, false),
      expected: grey8s,
      tolerance: 3,
      encode: () => encodeJpegLs(input(40, 40, 1, 8, false, grey8s), 3),
    },
    {
      file: 'jpegls-rgb-planar.dcm',
      description: 'JPEG-LS Lossless, RGB not interleaved (ILV 0, decoded by plane), 23×21',
      uid: '1.2.840.10008.1.2.4.80',
      info: colourInfo(21, 23, 'RGB'),
      expected: toPlanar(rgbNoise, 3),
      tolerance: 0,
      encode: () => encodeJpegLs(input(23, 21, 3, 8, false, toPlanar(rgbNoise, 3)), 0, 0),
    },
    {
      file: 'j2k-lossless-signed16.dcm',
      description: 'JPEG 2000 Lossless, 16-bit signed, 34×30',
      uid: '1.2.840.10008.1.2.4.90',
      info: monoInfo(30, 34, 16, 16, true),
      expected: signed16b,
      tolerance: 0,
      encode: () => encodeJpeg2000(input(34, 30, 1, 16, true, signed16b)),
    },
    {
      file: 'j2k-lossless-rgb-rct.dcm',
      description: 'JPEG 2000 Lossless, YBR_RCT colour (returned as RGB), 31×27',
      uid: '1.2.840.10008.1.2.4.90',
      info: colourInfo(27, 31, 'YBR_RCT'),
      expected: rgbJ2k,
      tolerance: 0,
      encode: () => encodeJpeg2000(input(31, 27, 3, 8, false, rgbJ2k)),
    },
    {
      file: 'j2k-lossy-mono12.dcm',
      description: 'JPEG 2000 (9/7 irreversible, ratio 4), 12-bit grey, 44×40',
      uid: '1.2.840.10008.1.2.4.91',
      info: monoInfo(40, 44, 16, 12, false),
      expected: ct12s,
      tolerance: 16,
      encode: () => encodeJpeg2000(input(44, 40, 1, 12, false, ct12s), 4),
    },
    {
      file: 'htj2k-lossless-signed16.dcm',
      description: 'HTJ2K Lossless (OpenJPH encoder), 16-bit signed, 38×26',
      uid: '1.2.840.10008.1.2.4.201',
      info: monoInfo(26, 38, 16, 16, true),
      expected: htSigned,
      tolerance: 0,
      encode: () => encodeHtj2k(input(38, 26, 1, 16, true, htSigned)),
    },
  ];
}

/** Where `needle` starts in `haystack` (searching from the end: pixel data comes last). */
function lastIndexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

async function makeDicom(c: DicomCase): Promise<ImagingFixture> {
  const frame = await c.encode();
  const decoded = await decodeCompressedFrame(c.uid, frame, c.info);
  const error = maxAbsDiff(decoded.pixels, c.expected);
  if (error > c.tolerance) throw new Error(`${c.file}: decoded error ${error} > tolerance ${c.tolerance}`);
  const { info } = c;
  const file = writeDicom({
    modality: info.samplesPerPixel === 3 ? 'DX' : 'CT',
    rows: info.rows,
    columns: info.columns,
    encapsulated: { transferSyntaxUid: c.uid, frames: [frame] },
    bitsAllocated: info.bitsAllocated as 8 | 16,
    bitsStored: info.bitsStored,
    pixelRepresentation: info.pixelRepresentation,
    samplesPerPixel: info.samplesPerPixel as 1 | 3,
    photometric: info.photometricInterpretation as 'MONOCHROME2',
    pixelSpacing: [0.5, 0.5],
    patient: { name: 'PHANTOM^CODEC', id: 'CODEC-FIXTURE' },
    study: { date: '20240101', time: '120000', description: c.file.replace('.dcm', '') },
    uidSeed: `codec-fixture/${c.file}`,
  });
  const frameOffset = lastIndexOf(file, frame);
  if (frameOffset < 0) throw new Error(`${c.file}: frame bytes not found in the written file`);
  await writeFile(path.join(OUT, c.file), file);
  return {
    file: c.file,
    kind: 'dicom',
    description: c.description,
    transferSyntaxUid: c.uid,
    info,
    frameOffset,
    frameLength: frame.length,
    tolerance: c.tolerance,
    digest: sampleDigest(decoded.pixels),
  };
}

async function makeRasters(): Promise<ImagingFixture[]> {
  const out: ImagingFixture[] = [];
  const add = async (
    file: string,
    kind: 'png' | 'jpeg',
    description: string,
    bytes: Uint8Array,
    expected: number[],
    tolerance: number,
  ) => {
    const image = await decodeRaster(bytes);
    const error = maxAbsDiff(image.pixels, expected);
    if (error > tolerance) throw new Error(`${file}: decoded error ${error} > tolerance ${tolerance}`);
    await writeFile(path.join(OUT, file), bytes);
    out.push({ file, kind, description, tolerance, digest: sampleDigest(image.pixels) });
  };
  const grey16 = noise(30 * 20, 0, 65535, 21);
  await add(
    'png-grey16.png',
    'png',
    'PNG 16-bit grey, 20×30',
    encodePng({ width: 20, height: 30, data: Uint16Array.from(grey16), depth: 16, channels: 1 }),
    grey16,
    0,
  );
  const rgba = noise(19 * 17 * 4, 0, 255, 22);
  const rgbOfRgba = rgba.filter((_, i) => i % 4 !== 3);
  await add(
    'png-rgba8.png',
    'png',
    'PNG 8-bit RGBA, 19×17 (alpha dropped)',
    encodePng({ width: 19, height: 17, data: Uint8Array.from(rgba), depth: 8, channels: 4 }),
    rgbOfRgba,
    0,
  );
  const grey = smooth(48, 64, 10, 245);
  await add(
    'jpeg-grey.jpg',
    'jpeg',
    'JPEG 8-bit grey, 64×48, quality 100',
    await encodeJpegBaseline(
      { width: 64, height: 48, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    ),
    grey,
    8,
  );
  const colour = smoothRgb(48, 64);
  await add(
    'jpeg-colour.jpg',
    'jpeg',
    'JPEG colour 4:4:4, 64×48, quality 100',
    await encodeJpegBaseline(
      { width: 64, height: 48, components: 3, bitsPerSample: 8, signed: false, samples: colour },
      100,
    ),
    colour,
    8,
  );
  return out;
}

/** Node's digest of every fixture, decoded as the e2e test decodes it in the browser. */
async function digests(): Promise<Record<string, SampleDigest>> {
  const manifest = JSON.parse(await readFile(path.join(OUT, 'manifest.json'), 'utf8')) as {
    fixtures: ImagingFixture[];
  };
  const result: Record<string, SampleDigest> = {};
  for (const f of manifest.fixtures) {
    const bytes = new Uint8Array(await readFile(path.join(OUT, f.file)));
    if (f.kind === 'dicom' && f.transferSyntaxUid && f.info && f.frameOffset !== undefined) {
      const frame = bytes.subarray(f.frameOffset, f.frameOffset + (f.frameLength ?? 0));
      const decoded = await decodeCompressedFrame(f.transferSyntaxUid, frame, f.info);
      result[f.file] = sampleDigest(decoded.pixels);
    } else {
      result[f.file] = sampleDigest((await decodeRaster(bytes)).pixels);
    }
  }
  return result;
}

async function main(): Promise<void> {
  if (process.argv.includes('--digests')) {
    process.stdout.write(`${JSON.stringify(await digests())}\n`);
    return;
  }
  await mkdir(OUT, { recursive: true });
  const fixtures: ImagingFixture[] = [];
  for (const c of dicomCases()) fixtures.push(await makeDicom(c));
  fixtures.push(...(await makeRasters()));
  // Formatted as `prettier --check .` (npm run lint) expects.
  const manifestPath = path.join(OUT, 'manifest.json');
  const prettier = await import('prettier');
  const options = { ...(await prettier.resolveConfig(manifestPath)), parser: 'json' };
  await writeFile(manifestPath, await prettier.format(JSON.stringify({ version: 1, fixtures }), options));
  const sizes = await Promise.all(fixtures.map(async (f) => (await readFile(path.join(OUT, f.file))).length));
  console.log(`${fixtures.length} fixtures, ${sizes.reduce((a, b) => a + b, 0)} bytes in ${OUT}`);
}

await main();
