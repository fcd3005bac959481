/**
 * The zoo's architectures, built with tfjs-layers' functional API so that every model (plain
 * chains and graphs with skips alike) has the same inspectable structure: `model.layers` in
 * topological order, each layer's inputs in `inboundNodes[0]`. Classifiers end in a linear
 * `logits` dense layer followed by a separate `probabilities` softmax layer, so Grad-CAM can take
 * gradients of the pre-softmax class score (Selvaraju et al., ICCV 2017, §3).
 *
 * Weights use glorot-uniform with consecutive seeds from `seed`, so a build is reproducible.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

type Layers = typeof tfl;
type Sym = tfl.SymbolicTensor;

/** Shared helpers of one build: layer factories with consecutive initialiser seeds. */
function builder(layers: Layers, seed: number) {
  let next = seed;
  const init = () => layers.initializers.glorotUniform({ seed: next++ });
  const L = layers.layers;
  return {
    input: (size: number, channels = 1) => layers.input({ shape: [size, size, channels], name: 'input' }),
    conv: (
      x: Sym,
      name: string,
      filters: number,
      kernelSize: number,
      o: { strides?: number; padding?: 'same' | 'valid'; activation?: 'relu' | 'linear' | 'sigmoid' } = {},
    ) =>
      L.conv2d({
        name,
        filters,
        kernelSize,
        strides: o.strides ?? 1,
        padding: o.padding ?? 'same',
        activation: o.activation ?? 'relu',
        kernelInitializer: init(),
      }).apply(x) as Sym,
    depthwise: (x: Sym, name: string, strides = 1) =>
      L.depthwiseConv2d({
        name,
        kernelSize: 3,
        strides,
        padding: 'same',
        activation: 'relu',
        depthwiseInitializer: init(),
      }).apply(x) as Sym,
    transpose: (x: Sym, name: string, filters: number, activation: 'relu' | 'linear' = 'relu') =>
      L.conv2dTranspose({
        name,
        filters,
        kernelSize: 2,
        strides: 2,
        padding: 'same',
        activation,
        kernelInitializer: init(),
      }).apply(x) as Sym,
    dense: (x: Sym, name: string, units: number, activation: 'relu' | 'linear' = 'relu') =>
      L.dense({ name, units, activation, kernelInitializer: init() }).apply(x) as Sym,
    maxPool: (x: Sym, name: string) => L.maxPooling2d({ name, poolSize: 2 }).apply(x) as Sym,
    avgPool: (x: Sym, name: string) => L.averagePooling2d({ name, poolSize: 2 }).apply(x) as Sym,
    flatten: (x: Sym) => L.flatten({ name: 'flatten' }).apply(x) as Sym,
    gap: (x: Sym) => L.globalAveragePooling2d({ name: 'global_avg_pool' }).apply(x) as Sym,
    add: (a: Sym, b: Sym, name: string) => L.add({ name }).apply([a, b]) as Sym,
    relu: (x: Sym, name: string) => L.activation({ name, activation: 'relu' }).apply(x) as Sym,
    concat: (a: Sym, b: Sym, name: string) => L.concatenate({ name, axis: -1 }).apply([a, b]) as Sym,
    /** Linear `logits` then a separate softmax `probabilities` layer. */
    classifierHead: (x: Sym, classes: number) => {
      const logits = L.dense({ name: 'logits', units: classes, kernelInitializer: init() }).apply(x) as Sym;
      return L.activation({ name: 'probabilities', activation: 'softmax' }).apply(logits) as Sym;
    },
    model: (inputs: Sym, outputs: Sym, name: string) => layers.model({ inputs, outputs, name }),
  };
}

/**
 * Multilayer perceptron baseline: flatten 64×64 → dense 64 + ReLU → logits 2 → softmax.
 * Params 4096·64 + 64 + 64·2 + 2 = 262,338: no weight sharing, no notion of neighbourhood.
 */
export function buildMlp(layers: Layers, seed = 1, size = 64, classes = 2): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  const h = b.dense(b.flatten(x), 'hidden', 64);
  return b.model(x, b.classifierHead(h, classes), 'mlp');
}

/**
 * LeNet-5 style (LeCun et al., Proc. IEEE 1998), with ReLU and average pooling:
 * conv 5×5·6 valid → avg-pool 2 → conv 5×5·16 valid → avg-pool 2 → dense 120 → dense 84 → logits.
 */
export function buildLeNet5(layers: Layers, seed = 1, size = 64, classes = 2): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  let y = b.conv(x, 'conv_1', 6, 5, { padding: 'valid' });
  y = b.avgPool(y, 'avg_pool_1');
  y = b.conv(y, 'conv_2', 16, 5, { padding: 'valid' });
  y = b.avgPool(y, 'avg_pool_2');
  y = b.dense(b.flatten(y), 'dense_1', 120);
  y = b.dense(y, 'dense_2', 84);
  return b.model(x, b.classifierHead(y, classes), 'lenet5');
}

/**
 * TinyVGG, CNN Explainer's network (Wang et al., IEEE TVCG 2021): 2 × (conv 3×3·10 → ReLU →
 * conv 3×3·10 → ReLU → max-pool 2), valid padding, then logits.
 */
export function buildTinyVgg(layers: Layers, seed = 1, size = 64, classes = 2): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  let y = b.conv(x, 'conv_1_1', 10, 3, { padding: 'valid' });
  y = b.conv(y, 'conv_1_2', 10, 3, { padding: 'valid' });
  y = b.maxPool(y, 'max_pool_1');
  y = b.conv(y, 'conv_2_1', 10, 3, { padding: 'valid' });
  y = b.conv(y, 'conv_2_2', 10, 3, { padding: 'valid' });
  y = b.maxPool(y, 'max_pool_2');
  return b.model(x, b.classifierHead(b.flatten(y), classes), 'tiny_vgg');
}

/**
 * MobileNet style (Howard et al., arXiv:1704.04861): a strided 3×3 conv, then depthwise-separable
 * blocks (depthwise 3×3 + ReLU, pointwise 1×1 + ReLU), global average pooling, logits.
 */
export function buildMobileNet(layers: Layers, seed = 1, size = 64, classes = 4): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  let y = b.conv(x, 'conv_stem', 16, 3, { strides: 2 });
  const blocks: Array<[number, number]> = [
    [1, 32],
    [2, 64],
    [2, 128],
  ];
  blocks.forEach(([stride, filters], i) => {
    y = b.depthwise(y, `dw_${i + 1}`, stride);
    y = b.conv(y, `pw_${i + 1}`, filters, 1);
  });
  return b.model(x, b.classifierHead(b.gap(y), classes), 'mobilenet');
}

/**
 * ResNet style (He et al., CVPR 2016): stem conv, then residual blocks y = ReLU(x + F(x)) where
 * F = conv 3×3 + ReLU → conv 3×3; a downsampling block adds a strided 1×1 projection to the skip.
 */
export function buildResNet(layers: Layers, seed = 1, size = 64, classes = 2): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  let y = b.conv(x, 'conv_stem', 16, 3);
  const block = (input: Sym, name: string, filters: number, strides: number): Sym => {
    const f1 = b.conv(input, `${name}_conv_1`, filters, 3, { strides });
    const f2 = b.conv(f1, `${name}_conv_2`, filters, 3, { activation: 'linear' });
    const skip =
      strides === 1 ? input : b.conv(input, `${name}_project`, filters, 1, { strides, activation: 'linear' });
    return b.relu(b.add(f2, skip, `${name}_add`), `${name}_relu`);
  };
  y = block(y, 'block_1', 16, 2);
  y = block(y, 'block_2', 32, 2);
  y = block(y, 'block_3', 32, 1);
  return b.model(x, b.classifierHead(b.gap(y), classes), 'resnet');
}

/**
 * A small U-Net (Ronneberger et al., MICCAI 2015): two encoder levels (2 × conv 3×3 + ReLU,
 * max-pool), a bottleneck, two decoder levels (2×2 transposed conv, concatenation with the
 * encoder's map at the same scale, 2 × conv 3×3), and a 1×1 conv with a sigmoid: P(lesion) per pixel.
 */
export function buildUNet(layers: Layers, seed = 1, size = 64): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  const e1 = b.conv(b.conv(x, 'enc_1_conv_1', 8, 3), 'enc_1_conv_2', 8, 3);
  const e2 = b.conv(b.conv(b.maxPool(e1, 'pool_1'), 'enc_2_conv_1', 16, 3), 'enc_2_conv_2', 16, 3);
  const m = b.conv(b.conv(b.maxPool(e2, 'pool_2'), 'bottleneck_conv_1', 32, 3), 'bottleneck_conv_2', 32, 3);
  const u2 = b.concat(b.transpose(m, 'up_2', 16), e2, 'concat_2');
  const d2 = b.conv(b.conv(u2, 'dec_2_conv_1', 16, 3), 'dec_2_conv_2', 16, 3);
  const u1 = b.concat(b.transpose(d2, 'up_1', 8), e1, 'concat_1');
  const d1 = b.conv(b.conv(u1, 'dec_1_conv_1', 8, 3), 'dec_1_conv_2', 8, 3);
  return b.model(x, b.conv(d1, 'mask', 1, 1, { activation: 'sigmoid' }), 'unet');
}

/**
 * A small convolutional denoising autoencoder (Vincent et al., ICML 2008; Gondara, ICDMW 2016)
 * that learns the correction rather than the image (residual learning, as in DnCNN: Zhang et al.,
 * IEEE TIP 2017): conv 3×3·16, two strided convs down to a 16×16·32 code, two 2×2 transposed convs
 * back up, concatenated with the first full-resolution features (a skip, so pixel-level noise can
 * be told from anatomy), conv 3×3·16, a linear 3×3 conv giving the correction, added to the input.
 */
export function buildDenoisingAutoencoder(layers: Layers, seed = 1, size = 64): tfl.LayersModel {
  const b = builder(layers, seed);
  const x = b.input(size);
  const e1 = b.conv(x, 'enc_conv_1', 16, 3);
  let y = b.conv(e1, 'enc_conv_2', 32, 3, { strides: 2 });
  y = b.conv(y, 'enc_conv_3', 32, 3, { strides: 2 });
  y = b.transpose(y, 'dec_up_1', 32);
  y = b.transpose(y, 'dec_up_2', 16);
  y = b.conv(b.concat(y, e1, 'skip_concat'), 'dec_conv', 16, 3);
  const correction = b.conv(y, 'correction', 1, 3, { activation: 'linear' });
  return b.model(x, b.add(x, correction, 'output'), 'dae');
}
