/**
 * The named kernels of the `convolution` lesson, each with one line on what it finds in a radiology
 * image. Weights are row-major (row i, column j at i·k + j) and applied as deep-learning libraries do,
 * by cross-correlation (no flip): Sobel x = [−1 0 1; −2 0 2; −1 0 1] is positive where the image gets
 * brighter from left to right.
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Localized } from '../../core/lessons/types';
import { LAPLACIAN, SOBEL_X, SOBEL_Y } from '../../core/datasets/edgeDensity';

/** Ids of the preset kernels (values of the `preset` parameter, besides 'custom'). */
export type KernelPresetId =
  'identity' | 'box' | 'gaussian' | 'sharpen' | 'sobel-x' | 'sobel-y' | 'prewitt' | 'laplacian' | 'emboss';

/** A preset kernel. */
export interface KernelPreset {
  id: KernelPresetId;
  /** Side length k (the kernel is k × k). */
  size: number;
  /** k² weights, row-major, exact (the URL holds them rounded, see `formatKernel`). */
  weights: readonly number[];
  label: Localized;
  /** One line on what it finds in radiology. */
  finds: Localized;
}

/** Binomial coefficients C(n, 0…n): the row of Pascal's triangle, [1, 2, 1] for n = 2. */
export function binomialRow(n: number): number[] {
  const row = [1];
  for (let i = 1; i <= n; i++) row.push((row[i - 1]! * (n - i + 1)) / i);
  return row;
}

/** The outer product a·bᵀ, row-major. */
export function outer(a: readonly number[], b: readonly number[]): number[] {
  return a.flatMap((x) => b.map((y) => x * y));
}

/** The 5 × 5 binomial approximation of a Gaussian (σ ≈ 1): [1 4 6 4 1]ᵀ[1 4 6 4 1] / 256. */
const gaussian5 = outer(binomialRow(4), binomialRow(4)).map((w) => w / 256);
const box3 = Array.from({ length: 9 }, () => 1 / 9);

/**
 * Factor by which a kernel scales the standard deviation of noise that is independent from pixel to
 * pixel: √Σw² (the variance of Σ wᵢxᵢ is Σ wᵢ²σ²). CT noise is correlated between neighbouring
 * pixels (its noise power spectrum is not flat; Boedeker, Cooper & McNitt-Gray, Phys Med Biol
 * 2007;52:4027–4046), so on a real CT slice a blur lowers it by less than this.
 */
export function noiseFactor(weights: readonly number[]): number {
  return Math.sqrt(weights.reduce((a, w) => a + w * w, 0));
}
const f2 = (v: number): string => formatNumber(v, 2);

/** The preset kernels, in the order the widget lists them. */
export const KERNEL_PRESETS: readonly KernelPreset[] = [
  {
    id: 'identity',
    size: 3,
    weights: [0, 0, 0, 0, 1, 0, 0, 0, 0],
    label: { en: 'Identity', zh: '恒等' },
    finds: {
      en: 'Copies each pixel: the feature map is the slice itself (a check that nothing moved).',
      zh: '原样复制每个像素：特征图就是切片本身（用来确认没有发生位移）。',
    },
  },
  {
    id: 'box',
    size: 3,
    weights: box3,
    label: { en: 'Box blur 3×3', zh: '均值模糊 3×3' },
    finds: {
      en: `Averages 9 pixels: noise that is independent from pixel to pixel keeps ${f2(noiseFactor(box3))} of its standard deviation (CT noise is correlated between neighbours, so it falls less); edges soften too.`,
      zh: `对 9 个像素取平均：各像素相互独立的噪声，其标准差降为原来的 ${f2(noiseFactor(box3))} 倍（CT 噪声在相邻像素间相关，实际降得更少）；边缘也随之变软。`,
    },
  },
  {
    id: 'gaussian',
    size: 5,
    weights: gaussian5,
    label: { en: 'Gaussian blur 5×5', zh: '高斯模糊 5×5' },
    finds: {
      en: `A weighted average of 25 pixels, heaviest in the centre: independent noise keeps ${f2(noiseFactor(gaussian5))} of its standard deviation, and edges are blurred smoothly rather than boxily.`,
      zh: `对 25 个像素加权平均，中心权重最大：独立噪声的标准差降为原来的 ${f2(noiseFactor(gaussian5))} 倍，边缘被平滑地模糊，而不是呈块状。`,
    },
  },
  {
    id: 'sharpen',
    size: 3,
    weights: [0, -1, 0, -1, 5, -1, 0, -1, 0],
    label: { en: 'Sharpen', zh: '锐化' },
    finds: {
      en: 'Adds the difference from the neighbours: crisper bone trabeculae and vessel walls, but more noise.',
      zh: '加上与邻域的差：骨小梁和血管壁更清晰，但噪声也更明显。',
    },
  },
  {
    id: 'sobel-x',
    size: 3,
    weights: SOBEL_X.flat(),
    label: { en: 'Sobel x', zh: 'Sobel x' },
    finds: {
      en: 'Brightness rising from left to right: the left and right edges of a nodule, the cortex of a rib.',
      zh: '从左到右亮度升高的位置：结节的左右边缘、肋骨的骨皮质。',
    },
  },
  {
    id: 'sobel-y',
    size: 3,
    weights: SOBEL_Y.flat(),
    label: { en: 'Sobel y', zh: 'Sobel y' },
    finds: {
      en: 'Brightness rising from top to bottom: the upper and lower edges of a nodule, the diaphragm.',
      zh: '从上到下亮度升高的位置：结节的上下边缘、膈肌。',
    },
  },
  {
    id: 'prewitt',
    size: 3,
    weights: [-1, 0, 1, -1, 0, 1, -1, 0, 1],
    label: { en: 'Prewitt x', zh: 'Prewitt x' },
    finds: {
      en: 'Like Sobel x with equal row weights: vertical edges such as the cortex of a long bone.',
      zh: '与 Sobel x 相似但各行权重相同：竖直方向的边缘，例如长骨的骨皮质。',
    },
  },
  {
    id: 'laplacian',
    size: 3,
    weights: LAPLACIAN.flat(),
    label: { en: 'Laplacian', zh: '拉普拉斯' },
    finds: {
      en: 'Edges in every direction and small bright dots: micro-calcifications, the rim of a nodule.',
      zh: '各个方向的边缘和细小亮点：微钙化、结节的边缘环。',
    },
  },
  {
    id: 'emboss',
    size: 3,
    weights: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
    label: { en: 'Emboss', zh: '浮雕' },
    finds: {
      en: 'Diagonal relief: structures look lit from one corner, which makes subtle contours stand out.',
      zh: '对角方向的浮雕效果：结构像从一角打光，使细微的轮廓突显出来。',
    },
  },
];

/** The preset with id `id`, or undefined. */
export function kernelPreset(id: string): KernelPreset | undefined {
  return KERNEL_PRESETS.find((p) => p.id === id);
}

/** Σ w: 1 for a blur (brightness kept), 0 for an edge detector (flat regions give 0). */
export function kernelSum(weights: readonly number[]): number {
  return weights.reduce((a, w) => a + w, 0);
}
