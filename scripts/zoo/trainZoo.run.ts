/**
 * `npm run train-zoo`: trains the zoo and writes `public/models/<id>/{model.json, weights.bin,
 * manifest.json}`. A vitest run (scripts/zoo/vitest.train.config.ts) because tfjs loads in vitest
 * but not in plain Node ESM from this project.
 *
 * Environment:
 * - `ZOO_MODELS=tiny-vgg,unet` trains only these models (all by default);
 * - `ZOO_CHECK=1` trains into a temporary folder and compares every metric with the committed
 *   manifest (fails when one differs by more than 0.02; PSNR in dB), leaving public/models alone.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ZOO_MODELS } from '../../src/core/models/zooCatalog';
import { ZOO_FILES } from '../../src/core/models/zooStorage';
import {
  readManifestFromDir,
  saveModelToDir,
  writeManifestToDir,
} from '../../src/core/models/zooStorageNode';
import type { ZooManifest, ZooMetrics, ZooModelDef } from '../../src/core/models/zooTypes';
import { initBackend, loadTfCore, loadTfLayers } from '../../src/core/tensor/initBackend';
import { trainZooModel } from './trainZooModel';
import { ZOO_TRAINING_PLANS } from './zooTrainingPlan';

/** Largest allowed difference between a retrained metric and the committed one. */
const METRIC_TOLERANCE = 0.02;
/** Budget of all weights together. */
const MAX_TOTAL_WEIGHT_BYTES = 8 * 1024 * 1024;

const modelsDir = join(process.cwd(), 'public', 'models');
const check = process.env.ZOO_CHECK === '1';
const requested = (process.env.ZOO_MODELS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '');
const unknown = requested.filter((id) => !ZOO_MODELS.some((m) => m.id === id));
if (unknown.length > 0) throw new Error(`ZOO_MODELS names unknown models: ${unknown.join(', ')}`);
const selected: readonly ZooModelDef[] =
  requested.length > 0 ? ZOO_MODELS.filter((m) => requested.includes(m.id)) : ZOO_MODELS;

let tf: typeof tfc;
let layers: typeof tfl;
let outRoot = modelsDir;
const summary: string[] = [];

beforeAll(async () => {
  tf = await loadTfCore();
  layers = await loadTfLayers();
  const report = await initBackend('wasm');
  console.log(`train-zoo: tfjs ${tf.version_core} on ${report.backend}${check ? ' (check mode)' : ''}`);
  if (check) outRoot = mkdtempSync(join(tmpdir(), 'zoo-check-'));
});

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

function compareMetrics(id: string, trained: ZooMetrics, committed: ZooMetrics): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(trained), ...Object.keys(committed)] as (keyof ZooMetrics)[]);
  for (const k of keys) {
    const a = trained[k];
    const b = committed[k];
    if (a === undefined || b === undefined || !(Math.abs(a - b) <= METRIC_TOLERANCE)) {
      problems.push(`${id} ${k}: trained ${a}, committed ${b}`);
    }
  }
  return problems;
}

describe(check ? 'train-zoo (check against the committed manifests)' : 'train-zoo', () => {
  for (const def of selected) {
    it(def.id, async () => {
      const plan = ZOO_TRAINING_PLANS[def.id];
      const dir = join(outRoot, def.id);
      const trained = await trainZooModel(tf, layers, def, plan, (line) => console.log(line));
      try {
        const files = await saveModelToDir(trained.model, dir);
        const manifest: ZooManifest = {
          id: def.id,
          task: def.task,
          data: {
            trainSeed: plan.trainSeed,
            trainSize: plan.trainSize,
            validationSeed: plan.validationSeed,
            validationSize: plan.validationSize,
          },
          training: {
            epochs: plan.epochs,
            batchSize: plan.batchSize,
            optimizer: 'adam',
            learningRate: plan.learningRate,
            initSeed: plan.initSeed,
            backend: tf.getBackend(),
            seconds: Math.round(trained.seconds * 10) / 10,
            log: trained.log,
          },
          metrics: trained.metrics,
          params: trained.model.countParams(),
          weightBytes: files.weightBytes,
          tfjs: tf.version_core,
          trainedAt: new Date().toISOString(),
        };
        writeManifestToDir(manifest, dir);
        const hash = sha256(join(dir, ZOO_FILES.weights));
        const line = `${def.id}: ${JSON.stringify(trained.metrics)}, ${trained.seconds.toFixed(1)} s, ${manifest.params} params, ${files.weightBytes} B, weights sha256 ${hash}`;
        summary.push(line);
        console.log(line);
        if (check) {
          const committedDir = join(modelsDir, def.id);
          const committed = readManifestFromDir(committedDir, def.id);
          const sameWeights = sha256(join(committedDir, ZOO_FILES.weights)) === hash;
          console.log(
            `${def.id}: weights ${sameWeights ? 'bit-identical to' : 'DIFFER from'} the committed ones`,
          );
          expect(compareMetrics(def.id, trained.metrics, committed.metrics)).toEqual([]);
        }
      } finally {
        trained.model.dispose();
      }
    });
  }

  it('keeps all weights within 8 MB', () => {
    let total = 0;
    for (const def of ZOO_MODELS) {
      const dir = join(check && selected.includes(def) ? outRoot : modelsDir, def.id);
      try {
        total += readFileSync(join(dir, ZOO_FILES.weights)).byteLength;
      } catch {
        console.log(`${def.id}: no weights yet`);
      }
    }
    console.log(summary.join('\n'));
    console.log(`all weights: ${total} bytes`);
    if (check) rmSync(outRoot, { recursive: true, force: true });
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_WEIGHT_BYTES);
  });
});
