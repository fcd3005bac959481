/**
 * Weight sharing in numbers: a convolutional layer with F filters of size k × k over C input channels
 * has k·k·C·F weights and F biases, whatever the image size; a dense (fully connected) layer mapping
 * the same H × W × C image to an output of the same size H′ × W′ × F has one weight per input–output
 * pair, (H·W·C)·(H′·W′·F), and H′·W′·F biases. Counts are exact (bigint): a dense layer on a 512 × 512
 * slice has trillions of weights.
 */
import type { Lang } from '../../core/lessons/types';
import { convOutputShape } from '../../core/tensor/reference/convGeometry';
import type { PaddingSpec } from '../../core/tensor/reference/types';

/** Parameters of a convolutional layer: k·k·C·F weights + F biases. */
export function convParamCount(k: number, inChannels: number, filters: number): number {
  return k * k * inChannels * filters + filters;
}

/**
 * Parameters of a dense layer from an H × W × C input to an H′ × W′ × F output:
 * (H·W·C)·(H′·W′·F) weights + H′·W′·F biases, exact.
 */
export function denseParamCount(
  input: { height: number; width: number; channels: number },
  output: { height: number; width: number; channels: number },
): bigint {
  const inputs = BigInt(input.height) * BigInt(input.width) * BigInt(input.channels);
  const units = BigInt(output.height) * BigInt(output.width) * BigInt(output.channels);
  return inputs * units + units;
}

/** Both counts for one layer on one image. */
export interface WeightSharing {
  outHeight: number;
  outWidth: number;
  conv: number;
  dense: bigint;
  /** dense / conv, as a float. */
  ratio: number;
}

/**
 * The convolutional and the dense parameter counts of a layer of `filters` k × k filters on a
 * height × width × inChannels image with the given padding (stride 1).
 */
export function weightSharing(
  height: number,
  width: number,
  inChannels: number,
  k: number,
  filters: number,
  padding: PaddingSpec = 'same',
): WeightSharing {
  const out = convOutputShape(height, width, k, k, { padding });
  const conv = convParamCount(k, inChannels, filters);
  const dense = denseParamCount(
    { height, width, channels: inChannels },
    { height: out.height, width: out.width, channels: filters },
  );
  return { outHeight: out.height, outWidth: out.width, conv, dense, ratio: Number(dense) / conv };
}

/** Digits grouped by threes with commas: 1649267441664 → "1,649,267,441,664". */
export function groupDigits(n: bigint | number): string {
  const s = (typeof n === 'bigint' ? n : BigInt(Math.round(n))).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return neg ? `−${grouped}` : grouped;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Scientific notation with 3 significant digits: 1649267441664 → "1.65 × 10¹²"; below 10⁴ the number. */
export function scientific(n: bigint | number): string {
  const x = Number(n);
  if (Math.abs(x) < 1e4) return groupDigits(BigInt(Math.round(x)));
  const e = Math.floor(Math.log10(Math.abs(x)));
  let m = Number((x / 10 ** e).toPrecision(3));
  let exp = e;
  if (Math.abs(m) >= 10) {
    m /= 10;
    exp += 1;
  }
  const sup = String(exp)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
  return `${m} × 10${sup}`;
}

const EN_SCALES: [number, string][] = [
  [1e15, 'quadrillion'],
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];
const ZH_SCALES: [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/**
 * A count in words, 3 significant digits: "about 1.65 trillion" / "约 1.65 万亿" (万 = 10⁴,
 * 亿 = 10⁸, 万亿 = 10¹²). Counts below a thousand (en) or ten thousand (zh) are written out.
 */
export function countInWords(n: bigint | number, lang: Lang): string {
  const x = Number(n);
  const scales = lang === 'en' ? EN_SCALES : ZH_SCALES;
  const found = scales.find(([v]) => Math.abs(x) >= v);
  if (!found) return groupDigits(BigInt(Math.round(x)));
  const [v, name] = found;
  const m = Number((x / v).toPrecision(3));
  const exact = BigInt(Math.round(x)) === BigInt(Math.round(m * v)) && Number.isSafeInteger(x);
  if (lang === 'en') return `${exact ? '' : 'about '}${m} ${name}`;
  return `${exact ? '' : '约 '}${m} ${name}`;
}
