/**
 * Plain-TypeScript reference maths of the CNN lessons: convolution geometry, convolution (ordinary,
 * depthwise, transposed), pooling, activations. No tfjs: these run anywhere (tests, workers, the
 * page) and are the oracle the tfjs versions in `../liveConv` are tested against.
 */
export * from './types';
export * from './convGeometry';
export * from './conv2dRef';
export * from './depthwiseConv2dRef';
export * from './conv2dTransposeRef';
export * from './pool2dRef';
export * from './activations';
