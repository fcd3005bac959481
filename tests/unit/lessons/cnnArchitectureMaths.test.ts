/**
 * The plain maths behind steps 1 and 2 of cnn-architecture: the pipeline facts of a prepared input
 * (checked against the preprocessing's own arrays and by hand), the centre nudges, the receptive-field
 * recurrence helpers, and the layer-table helpers on hand-written graphs (checked against
 * analyseGraph/receptiveBox).
 */
import { describe, expect, it } from 'vitest';
import { analyseGraph, receptiveBox } from '../../../src/core/models/analyseGraph';
import { windowToUnit } from '../../../src/core/models/preprocessSlice';
import { getZooModel } from '../../../src/core/models/zooCatalog';
import type { ModelGraph } from '../../../src/core/models/zooTypes';
import { convLayerParams } from '../../../src/core/models/smallCnn';
import { convOutputSize } from '../../../src/core/tensor/reference/convGeometry';
import {
  depthwiseParams,
  receptiveFieldSize,
  receptiveFieldSteps,
} from '../../../src/lessons/cnn-architecture/cnnArithmetic';
import { nudgedCentre, pipelineFacts } from '../../../src/lessons/cnn-architecture/inputPipeline';
import { valueRange } from '../../../src/ui/viewer/windowDrag';
import {
  centreBox,
  defaultLayerName,
  depthPoints,
  fieldStep,
  layerIndex,
} from '../../../src/lessons/cnn-architecture/layerTable';
import { prepareZooInput, type ZooSliceSource } from '../../../src/ui/zoo/prepareZooInput';

/** 40 × 30 slice, value = 10·column − 500 HU, 0.7 mm. */
function ramp(extra: Partial<ZooSliceSource> = {}): ZooSliceSource {
  const values = new Float32Array(40 * 30);
  for (let r = 0; r < 30; r++) for (let c = 0; c < 40; c++) values[r * 40 + c] = 10 * c - 500;
  return {
    values,
    width: 40,
    height: 30,
    unit: 'HU',
    window: { center: 0, width: 100 },
    spacingMm: 0.7,
    ...extra,
  };
}

describe('pipelineFacts', () => {
  it('states the crop, the window, the worked pixel and the clipped shares of a prepared input', () => {
    const slice = ramp();
    const def = getZooModel('tiny-vgg')!; // lung window L −600 W 1500 → −1350 … 150 HU; 64 px at 0.7 mm
    const input = prepareZooInput(slice, def, { row: 10, column: 5 });
    const f = pipelineFacts(slice, input, { row: 10, column: 5 });
    // The field (64 px) is larger than the slice's long side (40): the whole slice, centred.
    expect(f.whole).toBe(true);
    expect(f.side).toBe(40);
    expect(f.fieldMm).toBeCloseTo(28, 10);
    expect(f.centre).toEqual({ row: 15, column: 20 });
    expect(f.outside).toBe(true); // a 40 × 40 square on a 40 × 30 slice
    expect(f.sliceRange).toEqual([-500, -110]);
    expect([f.lo, f.hi]).toEqual([-1350, 150]);
    expect(f.example).toEqual({ row: 15, column: 20, value: -300, windowed: windowToUnit(-300, -600, 1500) });
    // The 10 rows outside the slice are 0; no value reaches 1; the mean is the windowed array's.
    expect(f.atLow).toBeCloseTo(400 / 1600, 10);
    expect(f.atHigh).toBe(0);
    expect(f.mean).toBeCloseTo(input.windowed.reduce((s, v) => s + v, 0) / 1600, 6);
    expect(f.resample).toBe('enlarge');
    expect(f.modelPixelMm).toBeCloseTo(0.7 / (64 / 40), 10);
  });

  it('crops around the chosen centre on a large slice, clipping at both window ends', () => {
    const values = new Float32Array(200 * 200).map((_, i) => (i % 200 < 100 ? -2000 : 500));
    const slice: ZooSliceSource = {
      values,
      width: 200,
      height: 200,
      unit: 'HU',
      window: { center: 0, width: 1 },
    };
    const input = prepareZooInput(slice, getZooModel('tiny-vgg')!, { row: 100, column: 100 });
    const f = pipelineFacts(slice, input, { row: 100, column: 100 });
    expect(f.whole).toBe(false);
    expect(f.outside).toBe(false);
    expect(f.side).toBe(64); // no spacing: the model's 0.7 mm assumed
    expect(f.centre).toEqual({ row: 100, column: 100 });
    expect(f.atLow + f.atHigh).toBeCloseTo(1, 10);
    expect(f.atHigh).toBeCloseTo(0.5, 1);
    expect(f.resample).toBe('same');
    expect(valueRange([3, Number.NaN, -1, Infinity])).toEqual([-1, 3]);
  });

  it('nudges the centre by an eighth of the crop (half with Shift), inside the slice', () => {
    const s = { width: 100, height: 80 };
    expect(nudgedCentre({ row: 40, column: 50 }, 0, 1, false, 64, s)).toEqual({ row: 40, column: 58 });
    expect(nudgedCentre({ row: 40, column: 50 }, -1, 0, true, 64, s)).toEqual({ row: 8, column: 50 });
    expect(nudgedCentre({ row: 2, column: 98 }, -1, 1, true, 64, s)).toEqual({ row: 0, column: 99 });
  });
});

describe('cnnArithmetic', () => {
  it('computes sizes, parameters and the receptive-field recurrence', () => {
    expect(convOutputSize(64, 3, 1, 0, 0, 1)).toBe(62);
    expect(convOutputSize(62, 2, 2, 0, 0, 1)).toBe(31);
    // 'same': ⌈n/s⌉ = ⌊(n − 1)/s⌋ + 1
    expect(convOutputSize(64, 1, 2, 0, 0, 1)).toBe(32);
    expect(convOutputSize(33, 1, 2, 0, 0, 1)).toBe(17);
    expect(convLayerParams(10, 3, 1)).toBe(100);
    expect(depthwiseParams(3, 16)).toBe(160);
    expect(receptiveFieldSize([])).toBe(1);
    expect(
      receptiveFieldSteps([
        { k: 5, s: 1 },
        { k: 2, s: 2 },
        { k: 5, s: 1 },
        { k: 2, s: 2 },
      ]),
    ).toEqual([
      { r: 5, j: 1 },
      { r: 6, j: 2 },
      { r: 14, j: 2 },
      { r: 16, j: 4 },
    ]);
  });
});

/** A hand-written graph: input 8×8 → conv 3×3 same → pool 2 → (conv 1×1 ‖ pool output) concat → transpose 2×2 s2 → flatten. */
const graph: ModelGraph = {
  name: 'toy',
  layers: [
    { name: 'input', kind: 'input', inputs: [], outputShape: [8, 8, 1] },
    {
      name: 'c1',
      kind: 'conv2d',
      inputs: ['input'],
      outputShape: [8, 8, 2],
      kernel: [3, 3],
      strides: [1, 1],
      padding: 'same',
      filters: 2,
      activation: 'relu',
    },
    {
      name: 'p1',
      kind: 'maxPool',
      inputs: ['c1'],
      outputShape: [4, 4, 2],
      kernel: [2, 2],
      strides: [2, 2],
      padding: 'valid',
    },
    {
      name: 'c2',
      kind: 'conv2d',
      inputs: ['p1'],
      outputShape: [4, 4, 2],
      kernel: [1, 1],
      strides: [1, 1],
      padding: 'same',
      filters: 2,
    },
    { name: 'cat', kind: 'concatenate', inputs: ['c2', 'p1'], outputShape: [4, 4, 4], axis: -1 },
    { name: 'act', kind: 'activation', inputs: ['cat'], outputShape: [4, 4, 4], activation: 'relu' },
    {
      name: 'up',
      kind: 'conv2dTranspose',
      inputs: ['act'],
      outputShape: [8, 8, 1],
      kernel: [2, 2],
      strides: [2, 2],
      padding: 'same',
      filters: 1,
    },
    { name: 'flat', kind: 'flatten', inputs: ['up'], outputShape: [64] },
    { name: 'dense', kind: 'dense', inputs: ['flat'], outputShape: [2], filters: 2 },
  ],
};

describe('layer-table helpers', () => {
  const analysis = analyseGraph(graph);

  it('picks the last spatial layer by default, and it for an unknown name', () => {
    expect(defaultLayerName(analysis)).toBe('up');
    expect(layerIndex(analysis, 'p1')).toBe(2);
    expect(layerIndex(analysis, 'nope')).toBe(6);
  });

  it('outlines the centre unit’s receptive box, flags the padding, and none for vector layers', () => {
    const c1 = analysis[1]!;
    expect(centreBox(c1, 8)).toEqual({ row: 4, column: 4, ...receptiveBox(c1, 4, 4)!, pastEdge: false });
    const corner = receptiveBox(c1, 0, 0)!;
    expect(corner.row0).toBe(-1);
    expect(centreBox(analysis[7]!, 8)).toBeUndefined();
    expect(centreBox(analysis[8]!, 8)).toBeUndefined();
  });

  it('explains each field by its rule, with the recurrence’s numbers for kernels', () => {
    expect(fieldStep(graph, analysis, 0)).toEqual({ kind: 'input' });
    expect(fieldStep(graph, analysis, 1)).toEqual({
      kind: 'kernel',
      previous: 'input',
      rPrev: 1,
      jPrev: 1,
      k: 3,
      s: 1,
      r: 3,
      j: 1,
    });
    expect(fieldStep(graph, analysis, 2)).toEqual({
      kind: 'kernel',
      previous: 'c1',
      rPrev: 3,
      jPrev: 1,
      k: 2,
      s: 2,
      r: 4,
      j: 2,
    });
    expect(fieldStep(graph, analysis, 4)).toEqual({ kind: 'union' });
    expect(fieldStep(graph, analysis, 5)).toEqual({ kind: 'same' });
    expect(fieldStep(graph, analysis, 6)).toEqual({ kind: 'transpose' });
    expect(fieldStep(graph, analysis, 8)).toEqual({ kind: 'vector' });
  });

  it('charts the spatial layers in order with their field sizes', () => {
    expect(depthPoints(analysis).map((p) => [p.name, p.size])).toEqual(
      analysis
        .filter((a) => a.receptiveField && a.outputShape.length === 3)
        .map((a) => [a.name, a.receptiveField!.size[0]]),
    );
    expect(depthPoints(analysis)[0]).toEqual({ depth: 0, name: 'input', index: 0, size: 1 });
  });
});
