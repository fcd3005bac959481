/**
 * The step-through of the convolution lesson: its crop, and every number it shows checked against a
 * direct loop written here (TensorFlow's 'same' padding rule re-derived), and the player's timing.
 */
import { describe, expect, it, vi } from 'vitest';
import { KERNEL_PRESETS, kernelPreset } from '../../../src/lessons/convolution/kernelPresets';
import {
  cropRegion,
  positionOf,
  stepperModel,
  workedLine,
} from '../../../src/lessons/convolution/slidingWindow';
import {
  MAX_SPEED,
  SlidingWindowPlayer,
  type FrameScheduler,
} from '../../../src/lessons/convolution/SlidingWindowPlayer';

/** A 20 × 16 test image with distinct values: v(y, x) = sin(0.7y) + 0.05x². */
const W = 20;
const H = 16;
const image = {
  width: W,
  height: H,
  data: Float32Array.from(
    { length: W * H },
    (_, i) => Math.sin(0.7 * Math.floor(i / W)) + 0.05 * (i % W) ** 2,
  ),
};

/** Direct cross-correlation of an n × n single-channel crop, zero padding, TF 'same' rule. */
function direct(
  crop: Float32Array,
  n: number,
  w: readonly number[],
  stride: number,
  padding: 'valid' | 'same',
  bias: number,
): { out: number[][]; products: number[][][] } {
  const k = Math.sqrt(w.length);
  let before = 0;
  let size: number;
  if (padding === 'same') {
    size = Math.ceil(n / stride);
    const total = Math.max((size - 1) * stride + k - n, 0);
    before = Math.floor(total / 2);
  } else size = Math.floor((n - k) / stride) + 1;
  const out: number[][] = [];
  const products: number[][][] = [];
  for (let oy = 0; oy < size; oy++) {
    out.push([]);
    products.push([]);
    for (let ox = 0; ox < size; ox++) {
      let sum = 0;
      const p: number[] = [];
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const y = oy * stride - before + i;
          const x = ox * stride - before + j;
          const v = y >= 0 && y < n && x >= 0 && x < n ? crop[y * n + x]! : 0;
          const prod = v * Math.fround(w[i * k + j]!);
          p.push(prod);
          sum += prod;
        }
      out[oy]!.push(sum + Math.fround(bias));
      products[oy]!.push(p);
    }
  }
  return { out, products };
}

describe('cropRegion', () => {
  it('takes the 12 × 12 pixels around the centre, row-major', () => {
    const c = cropRegion(image, 10, 8);
    expect([c.x0, c.y0, c.volume.width, c.volume.height]).toEqual([4, 2, 12, 12]);
    expect(c.volume.data[0]).toBe(image.data[2 * W + 4]);
    expect(c.volume.data[13]).toBe(image.data[3 * W + 5]);
  });

  it('is clamped inside the image, and takes a small image whole', () => {
    expect([cropRegion(image, 0, 0).x0, cropRegion(image, 0, 0).y0]).toEqual([0, 0]);
    const far = cropRegion(image, 999, 999);
    expect([far.x0, far.y0]).toEqual([W - 12, H - 12]);
    const tiny = cropRegion({ width: 5, height: 4, data: new Float32Array(20).fill(1) }, 2, 2);
    expect([tiny.x0, tiny.y0, tiny.volume.width, tiny.volume.height]).toEqual([0, 0, 5, 4]);
  });
});

describe('stepperModel equals a direct loop', () => {
  const crop = cropRegion(image, 9, 7).volume;
  const cases: [string, number, 'valid' | 'same', number][] = [
    ['sobel-x', 1, 'valid', 0],
    ['sobel-y', 2, 'valid', 0.25],
    ['laplacian', 1, 'same', -0.5],
    ['gaussian', 2, 'same', 0],
    ['gaussian', 3, 'valid', 0.1],
    ['emboss', 3, 'same', 0],
  ];
  it.each(cases)('%s, stride %i, %s padding, bias %d', (id, stride, padding, bias) => {
    const w = kernelPreset(id)!.weights;
    const m = stepperModel(crop, w, { stride, padding, bias });
    const ref = direct(crop.data, 12, w, stride, padding, bias);
    expect(m.outHeight).toBe(ref.out.length);
    expect(m.outWidth).toBe(ref.out.length);
    expect(m.positions).toBe(ref.out.length ** 2);
    expect(m.k).toBe(Math.sqrt(w.length));
    expect(m.stride).toBe(stride);
    // Several positions: first, last, one in the middle, one on the border.
    for (const p of [0, m.positions - 1, Math.floor(m.positions / 2), m.outWidth - 1]) {
      const { oy, ox } = positionOf(p, m.outWidth);
      const t = m.terms[p]!;
      expect([t.oy, t.ox]).toEqual([oy, ox]);
      expect(t.output).toBeCloseTo(ref.out[oy]![ox]!, 12);
      t.taps.forEach((tap, i) => expect(tap.product).toBeCloseTo(ref.products[oy]![ox]![i]!, 12));
      expect(t.sum + t.bias).toBeCloseTo(t.output, 14);
    }
    const maxAbs = Math.max(...ref.out.flat().map(Math.abs));
    expect(m.range[1]).toBeCloseTo(maxAbs, 12);
  });

  it('every preset gives as many products as weights, and zero padding reads 0', () => {
    for (const p of KERNEL_PRESETS) {
      const m = stepperModel(crop, p.weights, { stride: 1, padding: 'same', bias: 0 });
      expect(m.terms[0]!.taps).toHaveLength(p.weights.length);
      const corner = m.terms[0]!.taps[0]!;
      expect(corner.inside).toBe(false);
      expect(corner.value).toBe(0);
    }
  });

  it('the worked line lists each product and ends with the output', () => {
    const m = stepperModel(crop, kernelPreset('sobel-x')!.weights, {
      stride: 1,
      padding: 'valid',
      bias: 0.5,
    });
    const t = m.terms[5]!;
    const line = workedLine(t);
    expect(line.startsWith('Σ x·w + b = ')).toBe(true);
    expect(line.slice('Σ x·w + b = '.length).split(' + ')).toHaveLength(9 + 1);
    expect(line).toContain('×(−1)');
    expect(line).toContain('+ 0.5 = ');
    const last = line.slice(line.lastIndexOf('= ') + 2).replace('\u2212', '-');
    expect(Number(last)).toBeCloseTo(t.output, 3);
  });
});

/** A frame clock driven by the test: `frame(ms)` runs the pending callback at time += ms. */
function fakeFrames(): FrameScheduler & { frame(ms?: number): void; pending(): boolean } {
  let cb: ((t: number) => void) | null = null;
  let t = 0;
  let id = 0;
  return {
    request(callback) {
      cb = callback;
      return ++id;
    },
    cancel() {
      cb = null;
    },
    frame(ms = 1000 / 60) {
      t += ms;
      const c = cb;
      cb = null;
      c?.(t);
    },
    pending: () => cb !== null,
  };
}

describe('SlidingWindowPlayer', () => {
  it('at the top speed it moves on every frame and stops at the last position, handing it back', () => {
    const clock = fakeFrames();
    const frames: number[] = [];
    const onPlayingChange = vi.fn();
    const p = new SlidingWindowPlayer(
      10,
      0,
      MAX_SPEED,
      { onFrame: (q) => frames.push(q), onPlayingChange },
      clock,
    );
    p.play();
    expect(onPlayingChange).toHaveBeenLastCalledWith(true, 0);
    for (let i = 0; i < 20; i++) clock.frame();
    expect(frames).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.playing).toBe(false);
    expect(onPlayingChange).toHaveBeenLastCalledWith(false, 9);
    expect(clock.pending()).toBe(false);
  });

  it('plays at the chosen speed: 50 per second on a 60 Hz screen is 5 moves in 6 frames; 6 per second is 1 in 10', () => {
    const clock = fakeFrames();
    let last = 0;
    const p = new SlidingWindowPlayer(1000, 0, 50, { onFrame: (q) => (last = q) }, clock);
    p.play();
    for (let i = 0; i < 61; i++) clock.frame();
    expect(last).toBeGreaterThanOrEqual(50);
    expect(last).toBeLessThanOrEqual(51);
    p.setSpeed(6);
    const at = last;
    for (let i = 0; i < 60; i++) clock.frame();
    expect(last - at).toBeGreaterThanOrEqual(5);
    expect(last - at).toBeLessThanOrEqual(7);
  });

  it('never moves more than once per frame, even after a long frame', () => {
    const clock = fakeFrames();
    const frames: number[] = [];
    const p = new SlidingWindowPlayer(100, 0, 40, { onFrame: (q) => frames.push(q) }, clock);
    p.play();
    clock.frame();
    clock.frame(2000);
    clock.frame(16);
    clock.frame(16);
    expect(frames.length).toBeLessThanOrEqual(4);
    expect(frames).toEqual(frames.map((_, i) => i + 1));
  });

  it('step and seek pause and clamp; play at the end starts again from 0', () => {
    const clock = fakeFrames();
    const frames: number[] = [];
    const p = new SlidingWindowPlayer(5, 4, 10, { onFrame: (q) => frames.push(q) }, clock);
    p.step(1);
    expect(p.position).toBe(4);
    p.step(-10);
    expect(p.position).toBe(0);
    p.seek(4);
    p.play();
    expect(frames.at(-1)).toBe(0);
    expect(p.playing).toBe(true);
    clock.frame();
    expect(p.position).toBe(1);
    p.step(1);
    expect(p.playing).toBe(false);
    expect(p.position).toBe(2);
    expect(clock.pending()).toBe(false);
  });

  it('one position cannot play; reset and dispose stop without callbacks', () => {
    const clock = fakeFrames();
    const onFrame = vi.fn();
    const onPlayingChange = vi.fn();
    const one = new SlidingWindowPlayer(1, 0, 10, { onFrame, onPlayingChange }, clock);
    one.play();
    expect(one.playing).toBe(false);
    const p = new SlidingWindowPlayer(10, 3, 10, { onFrame, onPlayingChange }, clock);
    p.play();
    p.reset(20, 25);
    expect([p.playing, p.position, p.positions]).toEqual([false, 19, 20]);
    expect(clock.pending()).toBe(false);
    p.play();
    onFrame.mockClear();
    onPlayingChange.mockClear();
    p.dispose();
    clock.frame();
    p.seek(2);
    expect(onFrame).not.toHaveBeenCalled();
    expect(onPlayingChange).not.toHaveBeenCalled();
  });
});
