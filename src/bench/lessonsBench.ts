/**
 * Lesson benchmarks (bench field `lessons`): the convolution lesson's feature-map update on a
 * 512×512 slice — kernel → convolution on the active backend → download → colours → pixels on a
 * canvas in the page, exactly the code the widget runs (`renderFeatureMap`) — next to the bare
 * `tf.conv2d` + download of the same image and kernel on the same backend, in the same page. The
 * two are interleaved run by run so that drift on a busy machine hits both alike.
 */
import { loadTfCore } from '../core/tensor/initBackend';
import { ConvImage } from '../core/tensor/liveConv';
import type { Filters } from '../core/tensor/reference/types';
import { mulberry32 } from '../core/datasets/discPhantom';
import { renderFeatureMap, type DrawScratch } from '../lessons/convolution/featureMapRenderer';
import { median, round } from './stats';

/** Side of the slice. */
export const SLICE_SIZE = 512;

/** What {@link convUpdateBench} measured. */
export interface ConvUpdateResult {
  /**
   * Median ms of the widget's update until the map's pixels are on the canvas (`renderFeatureMap`'s
   * totalMs): convolve (tf.conv2d + `await data()`) + largest |v| + colour map + putImageData. The
   * caption's min/max pass that follows is not counted.
   */
  convUpdate512Ms: number;
  /** Median ms of the bare `tf.conv2d` (same padding, same kernel) + `await data()`. */
  bareConv512Ms: number;
  /** convUpdate512Ms / bareConv512Ms (target ≤ 1.3). */
  ratio: number;
  /** Median ms of the update's drawing part alone (min/max, colours, putImageData). */
  drawMs: number;
  updateRunsMs: number[];
  bareRunsMs: number[];
  runs: number;
  backend: string;
}

function sliceLike(size: number, seed: number): Float32Array {
  // A smooth disc on noise, values in [0, 1] like the windowed intensities the lesson feeds.
  const rand = mulberry32(seed);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2, y - size / 2) / (size / 3);
      out[y * size + x] = Math.min(1, Math.max(0, (r < 1 ? 0.7 : 0.2) + 0.05 * (rand() - 0.5)));
    }
  return out;
}

/** The kernels the runs cycle through (as a learner editing cells would). */
function kernels(count: number, seed: number): Filters[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => ({
    kh: 3,
    kw: 3,
    inChannels: 1,
    outChannels: 1,
    data: Float32Array.from({ length: 9 }, () => rand() * 2 - 1),
  }));
}

/**
 * Interleaved runs of the widget's update and of the bare convolution, after `warmup` runs of each.
 * The canvas is in the document, 512×512, as on the lesson page.
 */
export async function convUpdateBench(warmup = 5, runs = 25): Promise<ConvUpdateResult> {
  const tf = await loadTfCore();
  const size = SLICE_SIZE;
  const image = sliceLike(size, 3);
  const ks = kernels(warmup + runs, 5);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute('aria-hidden', 'true');
  document.body.append(canvas);
  const scratch: DrawScratch = {};
  const convImage = new ConvImage({ height: size, width: size, channels: 1, data: image });
  const x = tf.tensor4d(image.slice(), [1, size, size, 1]);
  const before = tf.memory().numTensors;
  const update: number[] = [];
  const bare: number[] = [];
  const draw: number[] = [];
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const filters = ks[i]!;
      const r = await renderFeatureMap(convImage, filters, { padding: 'same' }, canvas, scratch);
      const t1 = performance.now();
      const k = tf.tensor4d(filters.data, [3, 3, 1, 1]);
      const y = tf.conv2d(x, k, 1, 'same');
      await y.data();
      const t2 = performance.now();
      tf.dispose([k, y]);
      if (!r.drawn) throw new Error('the feature map was not drawn (no 2-D canvas context)');
      if (i >= warmup) {
        update.push(r.totalMs);
        bare.push(t2 - t1);
        draw.push(r.drawMs);
      }
    }
    if (tf.memory().numTensors !== before) throw new Error('tensors leaked during the feature-map runs');
  } finally {
    x.dispose();
    convImage.dispose();
    canvas.remove();
  }
  const u = median(update);
  const b = median(bare);
  return {
    convUpdate512Ms: round(u),
    bareConv512Ms: round(b),
    ratio: round(u / b, 3),
    drawMs: round(median(draw)),
    updateRunsMs: update.map((t) => round(t, 2)),
    bareRunsMs: bare.map((t) => round(t, 2)),
    runs,
    backend: tf.getBackend(),
  };
}
