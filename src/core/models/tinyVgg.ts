/**
 * TinyVGG, the network CNN Explainer teaches with: two blocks of (conv 3×3 → ReLU → conv 3×3 → ReLU →
 * max-pool 2×2), then a dense softmax layer. With a 64×64×1 input, 10 filters and 2 classes:
 *   conv1 3·3·1·10+10 = 100, conv2..4 3·3·10·10+10 = 910 each, dense (13·13·10)·2+2 = 3,382
 *   → 6,212 parameters (BROWSER.md), about 9.8 MFLOP per forward pass.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

/** Shape and initialisation of a TinyVGG. */
export interface TinyVggOptions {
  /** Input height and width in pixels. Default 64. */
  inputSize?: number;
  /** Input channels (1 for a greyscale slice). Default 1. */
  channels?: number;
  /** Filters in every convolution. Default 10 (CNN Explainer). */
  filters?: number;
  /** Output classes. Default 2. */
  numClasses?: number;
  /** Seed for the Glorot-uniform weight initialiser, for reproducible runs. Default 1. */
  seed?: number;
}

/** Builds an uncompiled TinyVGG with tfjs-layers (passed in, so callers decide when it loads). */
export function createTinyVgg(layers: typeof tfl, options: TinyVggOptions = {}): tfl.Sequential {
  const { inputSize = 64, channels = 1, filters = 10, numClasses = 2, seed = 1 } = options;
  let nextSeed = seed;
  const init = () => layers.initializers.glorotUniform({ seed: nextSeed++ });
  const conv = (name: string, first = false) =>
    layers.layers.conv2d({
      name,
      filters,
      kernelSize: 3,
      activation: 'relu',
      kernelInitializer: init(),
      ...(first ? { inputShape: [inputSize, inputSize, channels] } : {}),
    });
  return layers.sequential({
    name: 'tiny_vgg',
    layers: [
      conv('conv_1_1', true),
      conv('conv_1_2'),
      layers.layers.maxPooling2d({ name: 'max_pool_1', poolSize: 2 }),
      conv('conv_2_1'),
      conv('conv_2_2'),
      layers.layers.maxPooling2d({ name: 'max_pool_2', poolSize: 2 }),
      layers.layers.flatten({ name: 'flatten' }),
      layers.layers.dense({
        name: 'output',
        units: numClasses,
        activation: 'softmax',
        kernelInitializer: init(),
      }),
    ],
  });
}
