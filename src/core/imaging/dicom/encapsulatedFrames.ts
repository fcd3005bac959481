/**
 * Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item, then fragments; each frame is
 * one or more consecutive fragments. Which fragments form which frame comes from the Extended
 * Offset Table (7FE0,0001) when present (PS3.3 C.7.6.3.1.8), else the Basic Offset Table, else
 * the rules of PS3.5 A.4: one frame → all fragments; as many fragments as frames → one each;
 * otherwise a new frame starts at each fragment that begins a codestream (JPEG SOI FFD8, JPEG 2000
 * SOC FF4F or a JP2 signature box).
 */
import dicomParser from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import { ImageDecodeError } from '../ImageDecodeError';
import { corruptError, formatCount } from './dicomErrors';

function startsCodestream(bytes: Uint8Array, at: number): boolean {
  const b0 = bytes[at];
  const b1 = bytes[at + 1];
  if (b0 === 0xff && (b1 === 0xd8 || b1 === 0x4f)) return true;
  // JP2 signature box: length 12, type 'jP  ' (ISO/IEC 15444-1 I.5.1).
  return b0 === 0 && b1 === 0 && bytes[at + 2] === 0 && bytes[at + 3] === 0x0c && bytes[at + 4] === 0x6a;
}

/** Frame start offsets from the Extended Offset Table (OV, 64-bit), when it has one entry per frame. */
function extendedOffsets(dataSet: DataSet, frames: number, littleEndian: boolean): number[] | undefined {
  const el = dataSet.elements.x7fe00001;
  if (el === undefined || el.length !== frames * 8) return undefined;
  if (el.dataOffset + el.length > dataSet.byteArray.length) return undefined;
  const bytes = dataSet.byteArray;
  const view = new DataView(bytes.buffer, bytes.byteOffset + el.dataOffset, el.length);
  const offsets: number[] = [];
  for (let i = 0; i < frames; i++) offsets.push(Number(view.getBigUint64(i * 8, littleEndian)));
  return offsets;
}

/** Whether `table` lists increasing offsets, each the offset of a fragment. */
function usableTable(
  table: number[] | undefined,
  frames: number,
  fragmentOffsets: Set<number>,
): table is number[] {
  if (table === undefined || table.length !== frames) return false;
  return table.every((o, i) => fragmentOffsets.has(o) && (i === 0 || o > (table[i - 1] ?? 0)));
}

/**
 * The compressed bytes of every frame. Throws 'truncated' when a fragment runs past the end of the
 * file or there are fewer fragments than frames, 'corrupt' when fragments cannot be matched to frames.
 */
export function readEncapsulatedFrames(dataSet: DataSet, pixelData: Element, frames: number): Uint8Array[] {
  const fragments = pixelData.fragments ?? [];
  const fileLength = dataSet.byteArray.length;
  if (fragments.length === 0) {
    throw new ImageDecodeError('truncated', {
      en: 'The compressed pixel data holds no fragments: the file was probably cut short right after its offset table. Copy it again from its source.',
      zh: '压缩的像素数据中没有任何片段：文件可能在偏移表之后就被截断了。请从原始来源重新复制。',
    });
  }
  for (const f of fragments) {
    if (f.position + f.length > fileLength) {
      const missing = f.position + f.length - fileLength;
      throw new ImageDecodeError('truncated', {
        en: `The compressed pixel data is ${formatCount(missing)} bytes short: a fragment declares ${formatCount(f.length)} bytes but the file ends first. The file was cut short; copy it again from its source.`,
        zh: `压缩的像素数据缺少 ${formatCount(missing)} 字节：某个片段声明了 ${formatCount(f.length)} 字节，但文件提前结束。文件被截断，请从原始来源重新复制。`,
      });
    }
  }

  const offsets = new Set(fragments.map((f) => f.offset));
  const table = [extendedOffsets(dataSet, frames, true), pixelData.basicOffsetTable].find((t) =>
    usableTable(t, frames, offsets),
  );
  if (table !== undefined) {
    return Array.from({ length: frames }, (_, i) =>
      dicomParser.readEncapsulatedImageFrame(dataSet, pixelData, i, table, fragments),
    );
  }
  if (frames === 1) {
    return [
      dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixelData, 0, fragments.length, fragments),
    ];
  }
  if (fragments.length === frames) {
    return fragments.map((_, i) =>
      dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixelData, i, 1, fragments),
    );
  }
  if (fragments.length < frames) {
    throw new ImageDecodeError('truncated', {
      en: `The compressed pixel data holds ${fragments.length} fragments for ${frames} frames: frames are missing. The file was probably cut short; copy it again from its source.`,
      zh: `压缩的像素数据只有 ${fragments.length} 个片段，却声明了 ${frames} 帧：缺少部分帧。文件可能被截断，请从原始来源重新复制。`,
    });
  }
  const starts = fragments.flatMap((f, i) => (startsCodestream(dataSet.byteArray, f.position) ? [i] : []));
  if (starts.length === frames && starts[0] === 0) {
    return starts.map((start, k) => {
      const end = starts[k + 1] ?? fragments.length;
      return dicomParser.readEncapsulatedPixelDataFromFragments(
        dataSet,
        pixelData,
        start,
        end - start,
        fragments,
      );
    });
  }
  throw corruptError({
    en: `its ${fragments.length} compressed fragments cannot be matched to its ${frames} frames (no usable offset table).`,
    zh: `无法把 ${fragments.length} 个压缩片段对应到 ${frames} 帧（没有可用的偏移表）。`,
  });
}
