import { useMemo } from 'react';
import { cnnSliceAxes } from '../../core/autodiff/makeCnnSlice';
import { miniBatchNoise, type MiniBatchNoise } from '../../core/autodiff/miniBatchNoise';
import { TINY_CNN_SHAPE } from '../../core/autodiff/tinyCnnSetup';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { createScatterView, type ScatterState } from '../../core/viz/createScatterView';
import type { Lang } from '../../core/lessons/types';
import { RichText } from '../../ui/RichText';
import { fillPlaceholders } from '../../i18n/translate';
import type { WidgetProps } from '../widgetTypes';
import { fmt } from './backpropSgdData';
import { batchTexts as T } from './backpropSgdTexts';
import { BATCH_STUDY, studyPerExample } from './tinyCnnLab';
import { useD3View } from '../useD3View';
import './backpropSgd.css';
import { paramNumber } from '../paramValue';

const PANEL_COLORS = [OKABE_ITO[6], OKABE_ITO[1], OKABE_ITO[5], OKABE_ITO[3]] as const;
/** The two weights on the panels' axes: those of the loss slice (kernel centre, output bias). */
const AXES = cnnSliceAxes(TINY_CNN_SHAPE);

function Panel({ state, b, lang }: { state: ScatterState; b: number; lang: Lang }) {
  const ref = useD3View(
    (el) =>
      createScatterView(el, {
        title: fillPlaceholders(T.panelTitle[lang], { b }),
        description: fillPlaceholders(T.panelDesc[lang], { b }),
      }),
    state,
    `${b}-${lang}`,
  );
  return (
    <figure className="minibatch__panel" data-testid={`batch-panel-${b}`}>
      <div ref={ref} />
      <figcaption>{fillPlaceholders(T.panelTitle[lang], { b })}</figcaption>
    </figure>
  );
}

/** The half-width shared by all panels: covers 90 % of the B = 1 gradients and the full gradient. */
function panelExtent(noise: MiniBatchNoise, axes: readonly [number, number]): number {
  const comps = (noise.bySize[0]?.gradients ?? [])
    .flatMap((g) => axes.map((a) => Math.abs(g[a] ?? 0)))
    .sort((x, y) => x - y);
  const q90 = comps[Math.floor(0.9 * (comps.length - 1))] ?? 0;
  const full = Math.max(...axes.map((a) => Math.abs(noise.full[a] ?? 0)));
  return 1.15 * Math.max(q90, full, 1e-9);
}

/**
 * Step 7: the gradient of random mini-batches of 1, 8, 32 and 256 phantom patches against the
 * full-batch gradient: scatter panels in two of the weights (same axes for every panel), a table of
 * mean cosine and spread (measured, and by the exact formula) and a log–log plot of spread against B.
 */
export function MiniBatchWidget({ step, params, lang }: WidgetProps) {
  const at = params.at === 'trained' ? 'trained' : 'start';
  const seed = paramNumber(params.seed, 1);
  const noise = useMemo(
    () => miniBatchNoise(studyPerExample(at), BATCH_STUDY.sizes, BATCH_STUDY.draws, seed),
    [at, seed],
  );
  const extent = panelExtent(noise, AXES);
  const panels = useMemo(
    () =>
      noise.bySize.map((s, i): ScatterState => ({
        points: s.gradients.map((g) => [g[AXES[0]] ?? 0, g[AXES[1]] ?? 0]),
        arrow: [noise.full[AXES[0]] ?? 0, noise.full[AXES[1]] ?? 0],
        extent,
        color: PANEL_COLORS[i % PANEL_COLORS.length] ?? OKABE_ITO[0],
        xLabel: T.axisKernel[lang],
        yLabel: T.axisBias[lang],
      })),
    [noise, extent, lang],
  );
  const plot = useMemo<LinePlotState>(
    () => ({
      series: [
        {
          id: 'measured',
          color: OKABE_ITO[6],
          dash: '',
          shape: 'circle',
          points: noise.bySize
            .filter((s) => s.spread > 0)
            .map((s) => [s.batchSize, s.spread] as [number, number]),
          label: T.measured[lang],
        },
        {
          id: 'formula',
          color: OKABE_ITO[5],
          dash: '6 3',
          shape: 'square',
          points: noise.bySize
            .filter((s) => s.expectedSpread > 0)
            .map((s) => [s.batchSize, s.expectedSpread] as [number, number]),
          label: T.formula[lang],
        },
      ],
      xLog: true,
      yLog: true,
      xLabel: T.batchAxis[lang],
      yLabel: T.spreadAxis[lang],
    }),
    [noise, lang],
  );
  const plotRef = useD3View(
    (el) => createLinePlotView(el, { title: T.plotTitle[lang], description: T.plotDesc[lang], height: 260 }),
    plot,
    lang,
  );
  const d = noise.full.length;
  return (
    <div className="minibatch" data-testid="minibatch" data-at={at} data-seed={seed}>
      <RichText text={step.body[lang]} />
      <div className="minibatch__panels">
        {noise.bySize.map((s, i) => (
          <Panel
            key={s.batchSize}
            b={s.batchSize}
            state={panels[i] ?? (panels[0] as ScatterState)}
            lang={lang}
          />
        ))}
      </div>
      <table className="minibatch__table" data-testid="minibatch-table">
        <caption>{fillPlaceholders(T.caption[lang], { draws: BATCH_STUDY.draws, n: noise.n, d })}</caption>
        <thead>
          <tr>
            <th scope="col">{T.colB[lang]}</th>
            <th scope="col">{T.colCos[lang]}</th>
            <th scope="col">{T.colSpread[lang]}</th>
            <th scope="col">{T.colExpected[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {noise.bySize.map((s) => (
            <tr key={s.batchSize} data-batch={s.batchSize}>
              <th scope="row">{s.batchSize}</th>
              <td>{fmt(s.meanCosine, 3)}</td>
              <td>{fmt(s.spread, 3)}</td>
              <td>{fmt(s.expectedSpread, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure>
        <div ref={plotRef} />
        <figcaption>{T.plotDesc[lang]}</figcaption>
      </figure>
    </div>
  );
}
