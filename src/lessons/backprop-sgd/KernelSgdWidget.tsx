import { useMemo } from 'react';
import { batchIndices } from '../../core/autodiff/trainTinyCnn';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createHeatmapView, type HeatmapState } from '../../core/viz/createHeatmapView';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { RichText } from '../../ui/RichText';
import { fillPlaceholders } from '../../i18n/translate';
import type { WidgetProps } from '../widgetTypes';
import { kernelLrParam, sgdStepsParam } from './backpropSgdParams';
import { fmt, tex } from './backpropSgdData';
import { kernelTexts as T } from './backpropSgdTexts';
import { KERNEL_SET, kernelRun, kernelTrainer } from './tinyCnnLab';
import { Tex } from './Tex';
import { useD3View } from '../useD3View';
import './backpropSgd.css';
import { paramNumber } from '../paramValue';

const K = 9;
const CENTRE = 4;
const PATCHES_SHOWN = 8;

function Heatmap({
  title,
  desc,
  state,
  lang,
  testId,
}: {
  title: string;
  desc: string;
  state: HeatmapState;
  lang: string;
  testId: string;
}) {
  const ref = useD3View(
    (el) => createHeatmapView(el, { title, description: desc }),
    state,
    `${title}-${lang}`,
  );
  return <div ref={ref} className="kernel-sgd__map" data-testid={testId} />;
}

/**
 * Step 5: SGD on the tiny CNN, seen through its 3×3 kernel: the mini-batch, the kernel, its
 * gradient (diverging heat map), the kernel after the step, the losses before and after, and the
 * loss history. The `steps` parameter replays that many steps, so a link reopens the same moment.
 */
export function KernelSgdWidget({ step, params, lang, setParam }: WidgetProps) {
  const lr = paramNumber(params.lr, kernelLrParam.default);
  const k = paramNumber(params.steps, 0);
  const run = useMemo(() => kernelRun(lr, k), [lr, k]);
  const rec = run.records[k];
  const data = kernelTrainer().data;
  const batchNo = k % (KERNEL_SET.count / KERNEL_SET.batchSize);
  const shown = batchIndices(KERNEL_SET.count, KERNEL_SET.batchSize, k).slice(0, PATCHES_SHOWN);
  const maps = useMemo(() => {
    const before = rec?.before.slice(0, K) ?? [];
    const grad = rec?.gradient.slice(0, K) ?? [];
    const after = rec?.after.slice(0, K) ?? [];
    const range = Math.max(...before.map(Math.abs), ...after.map(Math.abs));
    const f3 = (v: number): string => fmt(v, 2);
    const map = (values: number[], r?: number): HeatmapState => {
      const m: HeatmapState = { values, rows: 3, cols: 3, scale: 'diverging', format: f3 };
      if (r !== undefined) m.range = r;
      return m;
    };
    return {
      before,
      grad,
      after,
      kernel: map(before, range),
      gradient: map(grad),
      updated: map(after, range),
    };
  }, [rec]);
  const { before, grad, after } = maps;
  const history = useMemo<LinePlotState>(
    () => ({
      series: [
        {
          id: 'history',
          color: OKABE_ITO[5],
          dash: '',
          shape: 'circle',
          points: run.fullLosses.slice(0, k + 1).map((l, i) => [i, l] as [number, number]),
          label: T.historyTitle[lang],
        },
        {
          id: 'next',
          color: OKABE_ITO[6],
          dash: '4 3',
          shape: 'triangle',
          points: run.fullLosses.slice(k, k + 2).map((l, i) => [k + i, l] as [number, number]),
          label: T.after[lang],
        },
      ],
      xLog: false,
      yLog: false,
      xLabel: T.stepAxis[lang],
      yLabel: T.lossAxis[lang],
    }),
    [run, k, lang],
  );
  const historyRef = useD3View(
    (el) =>
      createLinePlotView(el, { title: T.historyTitle[lang], description: T.historyDesc[lang], height: 240 }),
    history,
    lang,
  );
  if (!rec) return null;
  const c = CENTRE;
  return (
    <div className="kernel-sgd" data-testid="kernel-sgd" data-steps={k}>
      <RichText text={step.body[lang]} />
      <p className="backprop-status" aria-live="polite" data-testid="kernel-status">
        {fillPlaceholders(T.stepOf[lang], {
          k: k + 1,
          b: batchNo + 1,
          nb: KERNEL_SET.count / KERNEL_SET.batchSize,
          size: KERNEL_SET.batchSize,
        })}
      </p>
      <figure className="kernel-sgd__patches">
        <div className="kernel-sgd__patch-row">
          {shown.map((i) => (
            <div key={i} className="kernel-sgd__patch">
              <Heatmap
                title={`${T.patches[lang]} ${i + 1}`}
                desc={T.patchesDesc[lang]}
                lang={lang}
                testId={`patch-${i}`}
                state={{ values: data.images[i] ?? [], rows: 8, cols: 8, scale: 'gray', range: 1.5 }}
              />
              <span>{data.labels[i] === 1 ? T.withNodule[lang] : T.withoutNodule[lang]}</span>
            </div>
          ))}
        </div>
        <figcaption>
          {T.patches[lang]}: {T.patchesDesc[lang]}
        </figcaption>
      </figure>
      <div className="kernel-sgd__maps">
        {(
          [
            [T.kernel[lang], maps.kernel, 'kernel-before'],
            [T.gradient[lang], maps.gradient, 'kernel-gradient'],
            [T.after[lang], maps.updated, 'kernel-after'],
          ] as const
        ).map(([title, state, testId]) => (
          <figure key={testId}>
            <Heatmap title={title} desc={T.heatDesc[lang]} state={state} lang={lang} testId={testId} />
            <figcaption>{title}</figcaption>
          </figure>
        ))}
      </div>
      <div className="backprop-math">
        <Tex
          display
          tex={`K_{22} \\leftarrow K_{22} - \\eta\\,\\frac{\\partial L}{\\partial K_{22}} = ${tex(before[c] ?? 0)} - ${tex(lr)}\\times ${tex(grad[c] ?? 0, 4, true)} = ${tex(after[c] ?? 0)}`}
        />
      </div>
      <ul className="kernel-sgd__losses" data-testid="kernel-losses">
        <li>
          {fillPlaceholders(T.batchLoss[lang], {
            before: fmt(rec.batchLossBefore),
            after: fmt(rec.batchLossAfter),
          })}
        </li>
        <li>
          {fillPlaceholders(T.fullLoss[lang], {
            n: KERNEL_SET.count,
            before: fmt(run.fullLosses[k] ?? Number.NaN),
            after: fmt(run.fullLosses[k + 1] ?? Number.NaN),
          })}
        </li>
      </ul>
      <div className="backprop-controls" role="group" aria-label={T.controls[lang]}>
        <button
          type="button"
          className="button"
          onClick={() => setParam('steps', k - 1)}
          disabled={k === 0}
          data-testid="kernel-undo"
        >
          {T.undo[lang]}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setParam('steps', k + 1)}
          disabled={k >= sgdStepsParam.max}
          data-testid="kernel-take"
        >
          {T.take[lang]}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setParam('steps', 0)}
          disabled={k === 0}
          data-testid="kernel-reset"
        >
          {T.reset[lang]}
        </button>
      </div>
      <figure>
        <div ref={historyRef} />
        <figcaption>{T.historyTitle[lang]}</figcaption>
      </figure>
    </div>
  );
}
