/**
 * How each zoo model is trained by `npm run train-zoo`: data sizes and seeds, epochs, batch,
 * learning rate and initialisation seed. Sized so that the seven models train in about ten
 * minutes with the wasm backend on a 2-core machine (measured throughputs, batch 32: mlp ≈ 1,370
 * examples/s, lenet5 ≈ 570, tiny-vgg ≈ 415, mobilenet ≈ 355, resnet ≈ 130, unet ≈ 100, dae ≈ 60+).
 */
import type { ZooModelId } from '../../src/core/models/zooTypes';

/** One model's training recipe. */
export interface ZooTrainingPlan {
  trainSize: number;
  validationSize: number;
  epochs: number;
  batchSize: number;
  /** Adam's step size (Kingma & Ba 2015; β₁ 0.9, β₂ 0.999, ε 1e-7, tfjs defaults). */
  learningRate: number;
  /** Glorot-uniform seed of the first layer (the next layers take the following seeds). */
  initSeed: number;
  /** Seed of the training set (and, mixed with the epoch, of each epoch's shuffle). */
  trainSeed: number;
  /** Seed of the validation set: a different seed, hence different phantoms. */
  validationSeed: number;
}

/** The recipes, per model. */
export const ZOO_TRAINING_PLANS: Readonly<Record<ZooModelId, ZooTrainingPlan>> = {
  // The MLP and TinyVGG see the same training and validation patches, so their AUCs compare.
  // At lr 0.001 the MLP's hidden ReLUs all died within two epochs (AUC 0.5); 0.0002 trains.
  mlp: plan(2000, 400, 8, 0.0002, 11, 1001),
  lenet5: plan(2000, 400, 6, 0.001, 21, 1002),
  'tiny-vgg': plan(3000, 400, 8, 0.001, 31, 1001),
  mobilenet: plan(2000, 400, 8, 0.002, 41, 1003),
  // ResNet sees LeNet-5's data. Without batch normalisation its global average pool dilutes a
  // small bleed among the whole head's features: the loss sits at ln 2 for 3–4 epochs before it
  // falls (at lr 0.002 it diverged; at 0.0005 it was too slow for the time budget).
  resnet: plan(1200, 400, 9, 0.001, 51, 1002),
  unet: plan(1200, 200, 10, 0.004, 61, 1004),
  dae: plan(1200, 200, 10, 0.004, 71, 1005),
};

/** A recipe with batch 32 and the validation seed `trainSeed + 1000`. */
function plan(
  trainSize: number,
  validationSize: number,
  epochs: number,
  learningRate: number,
  initSeed: number,
  trainSeed: number,
): ZooTrainingPlan {
  return {
    trainSize,
    validationSize,
    epochs,
    batchSize: 32,
    learningRate,
    initSeed,
    trainSeed,
    validationSeed: trainSeed + 1000,
  };
}
