/**
 * The data sets of the tiny-CNN experiments (steps 5 and 7), as plain constants: the lesson texts
 * quote them without loading the experiments of ./tinyCnnLab.
 */

/** The kernel-learning set: 64 phantom patches (seed 11) in mini-batches of 16. */
export const KERNEL_SET = { count: 64, seed: 11, batchSize: 16 } as const;

/** The mini-batch study: 512 patches (seed 21), 200 draws per batch size. */
export const BATCH_STUDY = { count: 512, seed: 21, sizes: [1, 8, 32, 256], draws: 200 } as const;
