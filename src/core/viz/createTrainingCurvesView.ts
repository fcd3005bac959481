/**
 * Live training curves: two stacked panels (loss, accuracy) against epochs. Each shows the current
 * run's per-batch training values (a thin line) with their trailing moving average, its per-epoch
 * training and validation means (lines with markers), and optionally earlier runs drawn faded for
 * comparison, with a legend. Batch k (1-based) of epoch e sits at x = e − 1 + k / B (B batches per
 * epoch), an epoch's means at x = e. Colours are the Okabe–Ito colour-blind-safe palette (Okabe &
 * Ito, "Color Universal Design", 2008) and every line also differs by dash or marker. Long series
 * are decimated to at most {@link MAX_POINTS} points (min/max per bucket), so a redraw stays cheap
 * with thousands of batches. Nothing is animated (no transitions), which also respects reduced
 * motion. Framework-free.
 */
import {
  scaleLinear,
  select,
  symbol,
  symbolCircle,
  symbolSquare,
  symbolTriangle,
  type ScaleLinear,
} from 'd3';
import type { BatchRecord, EpochRecord } from '../training/trainingTypes';
import { batchX, decimate, movingAverage, smoothingWindow, type CurvePoint } from './decimate';
import { appendAxes, appendFigure, type Axes, type AxesFrame } from './axes';
import type { ViewHandle } from './ViewHandle';

export { batchX, decimate, movingAverage, smoothingWindow, MAX_POINTS, type CurvePoint } from './decimate';

/** One run as the chart draws it. */
export interface CurvesRun {
  id: string;
  label: string;
  /** Batches per epoch B of this run (≥ 1), to place batch k of epoch e at e − 1 + k/B. */
  batchesPerEpoch: number;
  batches: readonly BatchRecord[];
  epochs: readonly EpochRecord[];
}

/**
 * What the chart shows: the current run (its batches, epochs and batches per epoch; empty arrays
 * before any run) and earlier runs drawn faded.
 */
export interface TrainingCurvesData {
  batches: readonly BatchRecord[];
  epochs: readonly EpochRecord[];
  /** Batches per epoch B of the current run (≥ 1). */
  batchesPerEpoch: number;
  /** Planned epochs of the current run: the x axis spans at least 0…plannedEpochs (default: epochs drawn). */
  plannedEpochs?: number;
  /** Name of the current run in the legend (default none). */
  label?: string;
  /** Earlier runs, oldest first, drawn faded (their per-epoch lines and batch moving average). */
  runs: readonly CurvesRun[];
}

/** Texts of the chart (the caller localises them). */
export interface TrainingCurvesTexts {
  title: string;
  description: string;
  xLabel: string;
  lossLabel: string;
  accuracyLabel: string;
  batchLabel: string;
  averageLabel: string;
  trainEpochLabel: string;
  validationLabel: string;
}

/** Static options. */
export interface TrainingCurvesOptions {
  /** Default {@link DEFAULT_CURVES_TEXTS} (English). */
  texts?: TrainingCurvesTexts;
  width?: number;
  /** Height of one panel. */
  panelHeight?: number;
}

/** English texts, used when none are given. */
export const DEFAULT_CURVES_TEXTS: TrainingCurvesTexts = {
  title: 'Training curves',
  description: 'Loss and accuracy against epochs, per batch and per epoch.',
  xLabel: 'Epoch',
  lossLabel: 'Loss',
  accuracyLabel: 'Accuracy',
  batchLabel: 'Training batch',
  averageLabel: 'Moving average',
  trainEpochLabel: 'Training, per epoch',
  validationLabel: 'Validation, per epoch',
};

/** Okabe–Ito colours used by the chart. */
export const CURVE_COLOURS = {
  batch: '#56B4E9',
  average: '#0072B2',
  train: '#0072B2',
  validation: '#D55E00',
  earlier: ['#CC79A7', '#009E73', '#E69F00', '#000000'],
} as const;

/** Layout of the chart in SVG units (tests compute positions from it). */
export const CURVES_LAYOUT = {
  width: 560,
  panelHeight: 220,
  margin: { top: 14, right: 16, bottom: 44, left: 60 },
  legendHeight: 0,
} as const;

type Metric = 'loss' | 'accuracy';

/** One drawn line. */
interface Line {
  id: string;
  colour: string;
  dash: string | null;
  width: number;
  opacity: number;
  shape: 'circle' | 'square' | 'triangle' | 'none';
  points: CurvePoint[];
  label: string;
}

const SHAPES = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle } as const;

function runLines(
  run: CurvesRun,
  metric: Metric,
  texts: TrainingCurvesTexts,
  earlier: number | null,
): Line[] {
  const B = run.batchesPerEpoch;
  const xs = run.batches.map((b) => batchX(b, B));
  const ys = run.batches.map((b) => (metric === 'loss' ? b.loss : b.accuracy));
  const avg = movingAverage(ys, smoothingWindow(B));
  const train: CurvePoint[] = run.epochs.map((e) => [
    e.epoch,
    metric === 'loss' ? e.trainLoss : e.trainAccuracy,
  ]);
  const validation: CurvePoint[] = [];
  for (const e of run.epochs) {
    const v = metric === 'loss' ? e.validationLoss : e.validationAccuracy;
    if (v !== null) validation.push([e.epoch, v]);
  }
  const zip = (values: readonly number[]): CurvePoint[] =>
    decimate(xs.map((x, i) => [x, values[i]!] as const));
  const key = `${run.id}-${metric}`;
  if (earlier !== null) {
    const colour = CURVE_COLOURS.earlier[earlier % CURVE_COLOURS.earlier.length]!;
    const base = { colour, width: 1.6, opacity: 0.45 };
    return [
      {
        ...base,
        id: `${key}-avg`,
        dash: '1 3',
        shape: 'none',
        points: zip(avg),
        label: `${run.label}: ${texts.averageLabel}`,
      },
      {
        ...base,
        id: `${key}-train`,
        dash: null,
        shape: 'triangle',
        points: decimate(train),
        label: `${run.label}: ${texts.trainEpochLabel}`,
      },
      {
        ...base,
        id: `${key}-val`,
        dash: '6 3',
        shape: 'triangle',
        points: decimate(validation),
        label: `${run.label}: ${texts.validationLabel}`,
      },
    ];
  }
  return [
    {
      id: `${key}-batch`,
      colour: CURVE_COLOURS.batch,
      dash: null,
      width: 0.8,
      opacity: 0.55,
      shape: 'none',
      points: zip(ys),
      label: texts.batchLabel,
    },
    {
      id: `${key}-avg`,
      colour: CURVE_COLOURS.average,
      dash: '2 2',
      width: 1.8,
      opacity: 1,
      shape: 'none',
      points: zip(avg),
      label: texts.averageLabel,
    },
    {
      id: `${key}-train`,
      colour: CURVE_COLOURS.train,
      dash: null,
      width: 2.2,
      opacity: 1,
      shape: 'circle',
      points: decimate(train),
      label: texts.trainEpochLabel,
    },
    {
      id: `${key}-val`,
      colour: CURVE_COLOURS.validation,
      dash: '6 3',
      width: 2.2,
      opacity: 1,
      shape: 'square',
      points: decimate(validation),
      label: texts.validationLabel,
    },
  ];
}

/** The upper end of the loss axis: the largest finite loss drawn, made nice, at least 0.1. */
export function lossAxisMax(lines: readonly { points: readonly CurvePoint[] }[]): number {
  let max = 0;
  for (const l of lines) for (const [, y] of l.points) if (Number.isFinite(y) && y > max) max = y;
  return (
    scaleLinear()
      .domain([0, Math.max(max, 0.1)])
      .nice()
      .domain()[1] ?? 1
  );
}

interface Panel {
  axes: Axes;
  lines: ReturnType<typeof select<SVGGElement, unknown>>;
  top: number;
}

/** Creates the training-curves chart inside `container`. */
export function createTrainingCurvesView(
  container: Element,
  options: TrainingCurvesOptions,
): ViewHandle<TrainingCurvesData> {
  const texts = options.texts ?? DEFAULT_CURVES_TEXTS;
  const W = options.width ?? CURVES_LAYOUT.width;
  const PH = options.panelHeight ?? CURVES_LAYOUT.panelHeight;
  const M = CURVES_LAYOUT.margin;
  const legendTop = 2 * PH;
  const svg = appendFigure(container, 'training-curves-view', texts.title, texts.description)
    .attr('data-testid', 'training-curves')
    .attr('data-batches', 0)
    .attr('data-epochs', 0);
  const panels: Record<Metric, Panel> = {
    loss: makePanel(0, 'loss'),
    accuracy: makePanel(PH, 'accuracy'),
  };
  const legend = svg.append('g').attr('class', 'training-curves-view__legend');

  function makePanel(top: number, metric: Metric): Panel {
    const g = svg.append('g').attr('transform', `translate(0,${top})`).attr('data-panel', metric);
    const axes = appendAxes(g as unknown as Parameters<typeof appendAxes>[0]);
    const lines = g.append('g').attr('class', 'training-curves-view__lines');
    return { axes, lines, top };
  }

  function drawPanel(metric: Metric, xMax: number, items: Line[]): void {
    const p = panels[metric];
    const frame: AxesFrame = { width: W, height: PH, margin: M, titleInset: { bottom: 6, left: 14 } };
    const sx = scaleLinear()
      .domain([0, xMax])
      .range([M.left, W - M.right]);
    const yMax = metric === 'loss' ? lossAxisMax(items) : 1;
    const sy = scaleLinear()
      .domain([0, yMax])
      .range([PH - M.bottom, M.top]);
    p.axes.draw(frame, {
      x: sx,
      y: sy,
      xLabel: texts.xLabel,
      yLabel: metric === 'loss' ? texts.lossLabel : texts.accuracyLabel,
      ticks: Math.min(6, Math.max(1, Math.ceil(xMax))),
    });
    drawLines(p.lines, items, sx, sy, yMax);
  }

  function drawLines(
    g: Panel['lines'],
    items: readonly Line[],
    sx: ScaleLinear<number, number>,
    sy: ScaleLinear<number, number>,
    yMax: number,
  ): void {
    const clampY = (y: number): number => sy(Math.min(Math.max(y, 0), yMax));
    g.selectAll<SVGGElement, Line>('g.training-curves-view__series')
      .data(items, (d) => d.id)
      .join((enter) => {
        const s = enter.append('g').attr('class', 'training-curves-view__series');
        s.append('title');
        s.append('polyline').attr('fill', 'none');
        s.append('g').attr('class', 'training-curves-view__markers');
        return s;
      })
      .each(function (line) {
        const s = select(this).attr('data-series', line.id).attr('opacity', line.opacity);
        s.select('title').text(line.label);
        s.select('polyline')
          .attr('points', line.points.map(([x, y]) => `${round(sx(x))},${round(clampY(y))}`).join(' '))
          .attr('stroke', line.colour)
          .attr('stroke-width', line.width)
          .attr('stroke-dasharray', line.dash);
        s.select('g')
          .selectAll('path')
          .data(line.shape === 'none' ? [] : line.points)
          .join('path')
          .attr('transform', ([x, y]) => `translate(${round(sx(x))},${round(clampY(y))})`)
          .attr('d', line.shape === 'none' ? '' : (symbol(SHAPES[line.shape], 36)() ?? ''))
          .attr('fill', line.colour);
      });
  }

  function drawLegend(items: readonly Line[]): void {
    const perRow = 3;
    const colW = (W - M.left) / perRow;
    legend
      .selectAll<SVGGElement, Line>('g.training-curves-view__key')
      .data(items, (d) => d.id)
      .join((enter) => {
        const k = enter.append('g').attr('class', 'training-curves-view__key');
        k.append('line').attr('x1', 0).attr('x2', 26).attr('y1', 0).attr('y2', 0);
        k.append('path');
        k.append('text').attr('x', 32).attr('dy', '0.32em');
        return k;
      })
      .attr(
        'transform',
        (_, i) =>
          `translate(${M.left + (i % perRow) * colW},${legendTop + 14 + Math.floor(i / perRow) * 18})`,
      )
      .attr('opacity', (d) => Math.max(d.opacity, 0.6))
      .each(function (d) {
        const k = select(this);
        k.select('line')
          .attr('stroke', d.colour)
          .attr('stroke-width', Math.max(d.width, 1.5))
          .attr('stroke-dasharray', d.dash);
        k.select('path')
          .attr('transform', 'translate(13,0)')
          .attr('d', d.shape === 'none' ? '' : (symbol(SHAPES[d.shape], 36)() ?? ''))
          .attr('fill', d.colour);
        k.select('text').text(d.label);
      });
    const rows = Math.ceil(items.length / perRow);
    svg.attr('viewBox', `0 0 ${W} ${legendTop + 14 + rows * 18 + 4}`);
  }

  function update(data: TrainingCurvesData): void {
    const current: CurvesRun | null =
      data.batches.length || data.epochs.length
        ? {
            id: 'current',
            label: data.label ?? '',
            batchesPerEpoch: data.batchesPerEpoch,
            batches: data.batches,
            epochs: data.epochs,
          }
        : null;
    const runs = [...data.runs, ...(current ? [current] : [])];
    let xMax = Math.max(1, data.plannedEpochs ?? 1);
    for (const r of runs) {
      for (const e of r.epochs) xMax = Math.max(xMax, e.epoch);
      const last = r.batches[r.batches.length - 1];
      if (last) xMax = Math.max(xMax, Math.ceil(batchX(last, r.batchesPerEpoch) - 1e-9));
    }
    for (const metric of ['loss', 'accuracy'] as const) {
      const items = [
        ...data.runs.flatMap((r, i) => runLines(r, metric, texts, i)),
        ...(current ? runLines(current, metric, texts, null) : []),
      ];
      drawPanel(metric, xMax, items);
    }
    const keys: Line[] = runLines(
      { id: 'key', label: '', batchesPerEpoch: 1, batches: [], epochs: [] },
      'loss',
      texts,
      null,
    );
    data.runs.forEach((r, i) => {
      const colour = CURVE_COLOURS.earlier[i % CURVE_COLOURS.earlier.length]!;
      keys.push({
        id: `${r.id}-key`,
        colour,
        dash: null,
        width: 1.6,
        opacity: 0.45,
        shape: 'triangle',
        points: [],
        label: r.label,
      });
    });
    drawLegend(keys);
    svg.attr('data-batches', data.batches.length).attr('data-epochs', data.epochs.length);
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
