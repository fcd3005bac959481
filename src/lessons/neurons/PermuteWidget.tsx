import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { SliceOverview } from '../shared/SliceOverview';
import { SliceStep } from '../shared/SliceStep';
import type { WidgetProps } from '../widgetTypes';
import { SliderField } from './NeuronsControls';
import { fmtFixed, fmtInt, fmtNum, fmtSig } from './neuronsFormat';
import { cropParams, numberValue, permSeedParam, undoParam } from './neuronsParams';
import { permuteTexts as T, tx } from './neuronsTexts';
import { cropPatch, PATCH_SIDE, percentFor } from './patchMaps';
import { DEMO_MLP, permuteStudy } from './permuteStudy';
import './neurons.css';

const [CX, CY] = cropParams as [(typeof cropParams)[0], (typeof cropParams)[0]];
const IMAGE_WIDTH = 192;
/** Percent moved by one arrow key on the overview (with Shift: {@link BIG_STEP}). */
const SMALL_STEP = 1;
const BIG_STEP = 10;
const clampPercent = (v: number) => Math.min(100, Math.max(0, v));

function maxOf(values: Float32Array): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

function PermuteLive({
  slice,
  cx,
  cy,
  seed,
  undo,
  lang,
  setParam,
}: {
  slice: LessonSlice;
  cx: number;
  cy: number;
  seed: number;
  undo: boolean;
  lang: Lang;
  setParam: WidgetProps['setParam'];
}) {
  const patch = useMemo(() => cropPatch(slice.intensity, slice.width, slice.height, cx, cy), [slice, cx, cy]);
  const s = useMemo(() => permuteStudy(patch.data, PATCH_SIDE, seed), [patch, seed]);
  const side = PATCH_SIDE;
  const edgeMax = Math.max(1e-6, maxOf(s.original.sobel), maxOf(s.shuffledStats.sobel));
  const edgeRange = [0, edgeMax] as const;
  const names = { original: T.original[lang], shuffled: T.shuffled[lang], restored: T.restored[lang] };
  const images = [
    { id: 'original', name: names.original, data: patch.data },
    { id: 'shuffled', name: names.shuffled, data: s.shuffled },
    ...(undo ? [{ id: 'restored', name: names.restored, data: s.restored }] : []),
  ];
  const row = (id: string, label: string, y: Float64Array) => (
    <tr data-testid={`mlp-row-${id}`} data-y1={y[0]} data-y2={y[1]}>
      <th scope="row">{label}</th>
      {[...y].map((v, i) => (
        <td key={i}>{fmtSig(v, 10)}</td>
      ))}
    </tr>
  );
  return (
    <div
      className="permute-live"
      data-testid="permute-live"
      data-x0={patch.x0}
      data-y0={patch.y0}
      data-corr-original={s.original.correlation}
      data-corr-shuffled={s.shuffledStats.correlation}
      data-mlp-max-diff={s.maxDifference}
      data-restored-diff={s.restoredDifferences}
    >
      <div className="permute-top">
        <SliceOverview
          slice={slice}
          lang={lang}
          box={{ top: patch.y0, left: patch.x0, width: side, height: side }}
          label={T.overviewLabel[lang]}
          displayWidth={256}
          testId="permute-overview"
          onPoint={(row, col) => {
            setParam(CX.id, percentFor(col - side / 2, slice.width, side));
            setParam(CY.id, percentFor(row - side / 2, slice.height, side));
          }}
          onNudge={(dRow, dCol, big) => {
            const d = big ? BIG_STEP : SMALL_STEP;
            const [x, y] = [clampPercent(cx + dCol * d), clampPercent(cy + dRow * d)];
            if (x === cx && y === cy) return;
            setParam(CX.id, x);
            setParam(CY.id, y);
          }}
        />
        <div>
          <p className="hint">{T.overviewHint[lang]}</p>
          <p data-testid="permute-position" aria-live="polite">
            {tx(T.position, lang, {
              x0: patch.x0,
              x1: patch.x0 + side - 1,
              y0: patch.y0,
              y1: patch.y0 + side - 1,
            })}
          </p>
          <SliderField
            def={CX}
            label={T.cxLabel[lang]}
            value={cx}
            format={(v) => fmtNum(v, 0)}
            onChange={(v) => setParam(CX.id, v)}
          />
          <SliderField
            def={CY}
            label={T.cyLabel[lang]}
            value={cy}
            format={(v) => fmtNum(v, 0)}
            onChange={(v) => setParam(CY.id, v)}
          />
          <SliderField
            def={permSeedParam}
            label={T.seedLabel[lang]}
            value={seed}
            format={(v) => fmtNum(v, 0)}
            onChange={(v) => setParam(permSeedParam.id, v)}
          />
          <p>
            <button
              type="button"
              className="button"
              data-testid="permute-another"
              onClick={() =>
                setParam(permSeedParam.id, seed >= permSeedParam.max ? permSeedParam.min : seed + 1)
              }
            >
              {T.another[lang]}
            </button>
          </p>
          <label className="choice">
            <input
              type="checkbox"
              checked={undo}
              data-testid="permute-undo"
              onChange={(e) => setParam(undoParam.id, e.target.checked ? 'on' : 'off')}
            />
            {T.undoLabel[lang]}
          </label>
        </div>
      </div>
      <div className="permute-grid">
        {images.map((im) => (
          <figure key={im.id} className="neurons-figure">
            <MapCanvas
              values={im.data}
              width={side}
              height={side}
              scale="gray"
              range={[0, 1]}
              label={tx(T.patchLabel, lang, { name: im.name, side })}
              displayWidth={IMAGE_WIDTH}
              testId={`permute-${im.id}`}
            />
            <figcaption>{im.name}</figcaption>
          </figure>
        ))}
      </div>
      {undo && (
        <p data-testid="permute-restored-check">
          {tx(T.restoredCheck, lang, { k: fmtInt(s.restoredDifferences), n: fmtInt(side * side) })}
        </p>
      )}
      <h3>{T.sobelHeading[lang]}</h3>
      <div className="permute-grid">
        {[
          { id: 'original', name: T.sobelOriginal[lang], data: s.original.sobel },
          { id: 'shuffled', name: T.sobelShuffled[lang], data: s.shuffledStats.sobel },
        ].map((im) => (
          <figure key={im.id} className="neurons-figure">
            <MapCanvas
              values={im.data}
              width={side}
              height={side}
              scale="viridis"
              range={edgeRange}
              label={im.name}
              displayWidth={IMAGE_WIDTH}
              testId={`permute-sobel-${im.id}`}
            />
            <figcaption>{im.name}</figcaption>
          </figure>
        ))}
      </div>
      <ColourLegend scale="viridis" range={edgeRange} label={T.legend[lang]} />
      <table className="data-table neurons-table" data-testid="permute-stats">
        <caption>{T.statsCaption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.statistic[lang]}</th>
            <th scope="col">{names.original}</th>
            <th scope="col">{names.shuffled}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{T.correlation[lang]}</th>
            <td data-testid="corr-original">{fmtFixed(s.original.correlation, 3)}</td>
            <td data-testid="corr-shuffled">{fmtFixed(s.shuffledStats.correlation, 3)}</td>
          </tr>
          <tr>
            <th scope="row">{T.meanEdge[lang]}</th>
            <td data-testid="edge-original">{fmtFixed(s.original.meanEdge, 3)}</td>
            <td data-testid="edge-shuffled">{fmtFixed(s.shuffledStats.meanEdge, 3)}</td>
          </tr>
        </tbody>
      </table>
      <h3>{T.mlpHeading[lang]}</h3>
      <p>
        {tx(T.mlpIntro, lang, {
          inputs: fmtInt(side * side),
          hidden: DEMO_MLP.hidden,
          outputs: DEMO_MLP.outputs,
          seed: DEMO_MLP.seed,
        })}
      </p>
      <table className="data-table neurons-table" data-testid="permute-mlp">
        <caption>{T.mlpCaption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">y₁</th>
            <th scope="col">y₂</th>
          </tr>
        </thead>
        <tbody>
          {row('original', T.mlpOriginal[lang], s.mlpOriginal)}
          {row('permuted', T.mlpPermuted[lang], s.mlpPermuted)}
          {row('naive', T.mlpNaive[lang], s.mlpNaive)}
        </tbody>
      </table>
      <p data-testid="permute-mlp-diff">{tx(T.mlpDiff, lang, { diff: fmtSig(s.maxDifference, 2) })}</p>
      <p>
        <strong>{T.mlpMeaning[lang]}</strong>
      </p>
    </div>
  );
}

/**
 * Step 4 (`neurons-permute`): a 64×64 patch of the slice (parameters slice, cx, cy) and the same
 * patch with its pixels shuffled by a seeded permutation (seed; undo applies the inverse): both
 * images, Sobel maps (reference convolution) and neighbour correlations of both, and a small MLP
 * that gives the same outputs on both once its first-layer weights are permuted alike.
 */
export function PermuteWidget({ step, params, lang, setParam }: WidgetProps) {
  const cx = numberValue(params, CX);
  const cy = numberValue(params, CY);
  const seed = numberValue(params, permSeedParam);
  const undo = params.undo === 'on';
  return (
    <div
      className="neurons-widget"
      data-testid="permute-widget"
      data-seed={seed}
      data-cx={cx}
      data-cy={cy}
      data-undo={undo ? 'on' : 'off'}
    >
      <RichText text={step.body[lang]} />
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {(slice) =>
          slice.width < PATCH_SIDE || slice.height < PATCH_SIDE ? (
            <p role="alert" className="widget-error" data-testid="permute-too-small">
              {tx(T.tooSmall, lang, { w: slice.width, h: slice.height, side: PATCH_SIDE })}
            </p>
          ) : (
            <PermuteLive
              slice={slice}
              cx={cx}
              cy={cy}
              seed={seed}
              undo={undo}
              lang={lang}
              setParam={setParam}
            />
          )
        }
      </SliceStep>
    </div>
  );
}
