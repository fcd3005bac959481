import { useId } from 'react';
import { LAPLACIAN, SOBEL_X, SOBEL_Y, type Kernel3 } from '../../core/datasets/edgeDensity';
import { SMALL_CNN_ARCHITECTURE, smallCnnParamCount } from '../../core/models/smallCnn';
import { RichText } from '../../ui/RichText';
import { BACKEND_NAMES } from '../../ui/backendNames';
import type { Lang } from '../../core/lessons/types';
import type { WidgetProps } from '../widgetTypes';
import { PATCH_SIZE } from './aiMlDlData';
import { numberParamValue } from './aiMlDlParams';
import { formatAuc, formatInt, formatMs, formatPercent, tx } from './aiMlDlTexts';
import { CnnTrainingControls } from './CnnTrainingControls';
import { KernelHeatmap, KernelLegend } from './KernelHeatmap';
import type { CnnRun } from './runsStore';
import { useCnnTraining } from './useCnnTraining';
import './aiMlDl.css';

/** Weights row by row for an accessible name: "−1 0 1; −2 0 2; −1 0 1". */
export function kernelRows(w: readonly number[], k = 3): string {
  const rows: string[] = [];
  for (let r = 0; r < k; r++) {
    rows.push(
      w
        .slice(r * k, (r + 1) * k)
        .map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(2)))
        .join(' '),
    );
  }
  return rows.join('; ');
}

const flat = (k: Kernel3): number[] => k.flatMap((row) => [...row]);

/** Display name of a tfjs backend id (product names are the same in both languages). */
export function backendName(id: string): string {
  return (BACKEND_NAMES as Record<string, string>)[id] ?? id;
}

/** Hand-made kernels beside the CNN's learned first-layer kernels, with one colour legend. */
export function FilterGallery({ run, lang }: { run: CnnRun | null; lang: Lang }) {
  const id = useId();
  const hand = [
    { name: tx('sobelX', lang), w: flat(SOBEL_X) },
    { name: tx('sobelY', lang), w: flat(SOBEL_Y) },
    { name: tx('laplacian', lang), w: flat(LAPLACIAN) },
  ];
  return (
    <section className="aimldl-filters" aria-labelledby={`${id}-h`} data-testid="filter-gallery">
      <h4 id={`${id}-h`}>{tx('filtersHeading', lang)}</h4>
      <div className="aimldl-filters__group">
        <h5>{tx('handMade', lang)}</h5>
        <div className="aimldl-filters__row">
          {hand.map((h) => (
            <KernelHeatmap
              key={h.name}
              weights={h.w}
              name={h.name}
              ariaLabel={tx('filterAria', lang, { name: h.name, rows: kernelRows(h.w) })}
              testId="hand-kernel"
            />
          ))}
        </div>
      </div>
      <div className="aimldl-filters__group">
        <h5>{tx('learned', lang)}</h5>
        {run ? (
          <div className="aimldl-filters__row">
            {run.kernels.map((w, i) => {
              const name = tx('filterN', lang, { i: i + 1 });
              return (
                <KernelHeatmap
                  key={i}
                  weights={w}
                  name={name}
                  ariaLabel={tx('filterAria', lang, { name, rows: kernelRows(w) })}
                  testId="learned-kernel"
                />
              );
            })}
          </div>
        ) : (
          <p className="hint">{tx('notTrained', lang)}</p>
        )}
      </div>
      <KernelLegend
        title={tx('legendTitle', lang)}
        negative={tx('legendNegative', lang)}
        zero={tx('legendZero', lang)}
        positive={tx('legendPositive', lang)}
      />
      <p className="hint">{tx('filtersNote', lang)}</p>
    </section>
  );
}

/** Accuracy, AUC, time and backend of a finished CNN run. */
export function CnnResults({ run, lang }: { run: CnnRun; lang: Lang }) {
  return (
    <div className="aimldl-results" data-testid="cnn-results">
      <p>
        {tx('trainedOn', lang, {
          n: run.trainCount,
          epochs: run.epochsDone,
          backend: backendName(run.backend),
          time: formatMs(run.trainMs, lang),
        })}
      </p>
      {run.stopped && <p className="hint">{tx('stoppedEarly', lang)}</p>}
      <dl className="facts">
        <dt>{tx('learnedParams', lang)}</dt>
        <dd>{formatInt(run.paramCount)}</dd>
        <dt>{tx('testAccuracy', lang)}</dt>
        <dd data-testid="cnn-accuracy">{formatPercent(run.accuracy)}</dd>
        <dt>{tx('testAuc', lang)}</dt>
        <dd data-testid="cnn-auc">{formatAuc(run.auc)}</dd>
      </dl>
    </div>
  );
}

/**
 * The `small-cnn` widget (step 3): trains the small CNN on the phantom patches, live on the main
 * thread, and draws its first-layer filters beside Sobel and Laplacian kernels. Parameters: `n`,
 * `epochs`, `seed`.
 */
export function SmallCnnWidget({ step, params, lang }: WidgetProps) {
  const id = useId();
  const cfg = {
    seed: numberParamValue(params.seed, 1),
    trainCount: numberParamValue(params.n, 200),
    epochs: numberParamValue(params.epochs, 10),
  };
  const training = useCnnTraining(cfg);
  const a = SMALL_CNN_ARCHITECTURE;
  return (
    <div className="aimldl" data-testid="cnn-widget">
      <RichText text={step.body[lang]} />
      <section className="aimldl-panel" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{tx('cnnHeading', lang)}</h3>
        <p>
          {tx('cnnArchitecture', lang, {
            size: PATCH_SIZE,
            f1: a.filters1,
            f2: a.filters2,
            params: formatInt(smallCnnParamCount(a)),
          })}
        </p>
        <CnnTrainingControls training={training} lang={lang} />
        {training.result && <CnnResults run={training.result} lang={lang} />}
        <FilterGallery run={training.result} lang={lang} />
      </section>
    </div>
  );
}
