/**
 * Plain-TypeScript reference maths of the CNN lessons: convolution geometry, convolution, pooling,
 * activations. No tfjs: these run anywhere (tests, workers, the page) and are the oracle the tfjs
 * versions in `../liveConv` are tested against.
 */
export * from './types';
export * from './convGeometry';
export * from './conv2dRef';
export * from './pool2dRef';
export * from './activations';
