import type { Lang } from '../../core/lessons/types';
import { graphTotals } from '../../core/models/analyseGraph';
import type { CatalogueModelDef, ZooManifest } from '../../core/models/zooTypes';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { useBackendStore } from '../backendStore';
import { BACKEND_NAMES } from '../backendNames';
import type { LoadedZooModel } from './useZooModel';
import { useZooModel } from './useZooModel';
import { formatBytes, formatCount, formatFlops, formatPercent, formatQuantity } from './zooFormat';
import { cardTexts as T, KIND_NAMES, TASK_NAMES } from './zooPageTexts';
import { modelReceptiveField } from './zooResultMaths';

/** The lesson link that takes a model apart layer by layer. */
export function takeApartHref(id: string): string {
  return `#/lesson/cnn-architecture?step=1&model=${encodeURIComponent(id)}`;
}

/** Optimiser names as written in prose (tfjs writes them in lower case). */
const OPTIMISER_NAMES: Readonly<Record<string, string>> = { adam: 'Adam', sgd: 'SGD' };

function hu(v: number): string {
  return formatQuantity(v, 'HU', 0);
}

/** The rows of a card that come from the catalogue alone (shown at once). */
function CatalogueFacts({ def, lang }: { def: CatalogueModelDef; lang: Lang }) {
  const p = def.preprocessing;
  return (
    <>
      <dt>{T.task[lang]}</dt>
      <dd>{TASK_NAMES[def.task][lang]}</dd>
      {def.kind === 'classification' ? (
        <>
          <dt>{T.classes[lang]}</dt>
          <dd data-testid="zoo-card-classes">
            {def.classes.map((c) => c[lang]).join(lang === 'zh' ? '、' : ', ')}
          </dd>
        </>
      ) : (
        <>
          <dt>{T.output[lang]}</dt>
          <dd>{(def.kind === 'segmentation' ? T.maskOutput : T.imageOutput)[lang]}</dd>
        </>
      )}
      <dt>{T.input[lang]}</dt>
      <dd>
        {T.inputValue[lang](
          p.size,
          formatQuantity(p.size * p.spacingMm, 'mm', 1),
          formatQuantity(p.spacingMm, 'mm', 2),
        )}
      </dd>
      <dt>{T.window[lang]}</dt>
      <dd>{T.windowValue[lang](hu(p.center), hu(p.width))}</dd>
    </>
  );
}

function Metrics({ manifest, lang }: { manifest: ZooManifest; lang: Lang }) {
  const m = manifest.metrics;
  const parts: string[] = [];
  if (m.auc !== undefined) parts.push(`${T.auc[lang]} ${formatNumber(m.auc, 3)}`);
  if (m.accuracy !== undefined) parts.push(`${T.accuracy[lang]} ${formatPercent(m.accuracy)}`);
  if (m.dice !== undefined) parts.push(`${T.dice[lang]} ${formatNumber(m.dice, 3)}`);
  if (m.psnr !== undefined && m.inputPsnr !== undefined)
    parts.push(T.psnr[lang](formatQuantity(m.psnr, 'dB', 1), formatQuantity(m.inputPsnr, 'dB', 1)));
  return (
    <dd data-testid="zoo-card-metrics">{parts.length > 0 ? parts.join(lang === 'zh' ? '；' : '; ') : '—'}</dd>
  );
}

/** The rows measured from the loaded model (analysis) and its training record (manifest). */
function MeasuredFacts({ model, lang }: { model: LoadedZooModel; lang: Lang }) {
  const { def, analysis, manifest } = model;
  const totals = graphTotals(analysis);
  const field = modelReceptiveField(analysis);
  const spacing = def.preprocessing.spacingMm;
  const t = manifest?.training;
  return (
    <>
      <dt>{T.params[lang]}</dt>
      <dd data-testid="zoo-card-params" data-value={totals.params}>
        {formatCount(totals.params)}
      </dd>
      <dt>{T.flops[lang]}</dt>
      <dd data-testid="zoo-card-flops" data-value={totals.flops}>
        {formatFlops(totals.flops)} <span className="hint">{T.flopsNote[lang]}</span>
      </dd>
      <dt>{T.receptive[lang]}</dt>
      <dd data-testid="zoo-card-receptive" data-value={field.size ? field.size.join('x') : ''}>
        {field.size && field.layer ? (
          <>
            {T.receptiveValue[lang](
              field.size[0],
              field.size[1],
              `${formatNumber(field.size[0] * spacing, 1)} × ${formatNumber(field.size[1] * spacing, 1)} mm`,
            )}{' '}
            <code lang="en">{field.layer}</code>
            {field.wholeInputAfter && (lang === 'zh' ? '；' : '; ') + T.receptiveWhole[lang]}
          </>
        ) : (
          T.receptiveMlp[lang]
        )}
      </dd>
      {manifest && t && (
        <>
          <dt>{T.trainingData[lang]}</dt>
          <dd data-testid="zoo-card-data">
            {T.trainingDataValue[lang](
              formatCount(manifest.data.trainSize),
              manifest.data.trainSeed,
              formatCount(manifest.data.validationSize),
              manifest.data.validationSeed,
            )}
          </dd>
          <dt>{T.training[lang]}</dt>
          <dd data-testid="zoo-card-training">
            {T.trainingValue[lang](
              t.epochs,
              t.batchSize,
              formatNumber(t.learningRate, 6),
              formatQuantity(t.seconds, 's', 0),
            )}{' '}
            <span lang="en">
              {OPTIMISER_NAMES[t.optimizer.toLowerCase()] ?? t.optimizer},{' '}
              {BACKEND_NAMES[t.backend as keyof typeof BACKEND_NAMES] ?? t.backend}
            </span>
          </dd>
          <dt>{T.validation[lang]}</dt>
          <Metrics manifest={manifest} lang={lang} />
          <dt>{T.weights[lang]}</dt>
          <dd data-testid="zoo-card-weights" data-value={manifest.weightBytes}>
            {T.weightsValue[lang](formatBytes(manifest.weightBytes), formatCount(manifest.params))}
          </dd>
        </>
      )}
    </>
  );
}

/** Loads the model (only once the compute backend is ready) and shows its measured rows. */
function LoadedFacts({ def, lang }: { def: CatalogueModelDef; lang: Lang }) {
  const state = useZooModel(def.id);
  if (state.status === 'loading')
    return (
      <p className="widget-loading" data-testid="zoo-card-loading">
        {T.loading[lang]}
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="widget-error" role="alert" data-testid="zoo-card-error">
        {T.loadFailed[lang]} <span lang="en">{state.error}</span>
      </p>
    );
  return (
    <>
      <dl className="facts zoo-card__facts" data-testid="zoo-card-measured">
        <MeasuredFacts model={state.model} lang={lang} />
      </dl>
      {!state.model.manifest && <p className="hint">{T.noManifest[lang]}</p>}
    </>
  );
}

/**
 * One zoo model: what the catalogue says at once, then the numbers measured from the loaded model
 * and its training record; a link to take it apart in the lesson and a button to run it.
 */
export function ModelCard({ def, lang, onRun }: { def: CatalogueModelDef; lang: Lang; onRun(): void }) {
  const backend = useBackendStore((s) => s.status);
  const backendError = useBackendStore((s) => s.error);
  const titleId = `zoo-card-title-${def.id}`;
  return (
    <li className="card zoo-card" data-testid={`zoo-card-${def.id}`} aria-labelledby={titleId}>
      <p className="card__eyebrow">{KIND_NAMES[def.kind][lang]}</p>
      <h3 className="card__title" id={titleId}>
        {def.name[lang]}
      </h3>
      <p>{def.idea[lang]}</p>
      <dl className="facts zoo-card__facts">
        <CatalogueFacts def={def} lang={lang} />
      </dl>
      {backend === 'ready' ? (
        <LoadedFacts def={def} lang={lang} />
      ) : backend === 'error' ? (
        <p className="widget-error" role="alert">
          {T.loadFailed[lang]} <span lang="en">{backendError}</span>
        </p>
      ) : (
        <p className="widget-loading">{T.loading[lang]}</p>
      )}
      <p className="zoo-card__actions">
        <a href={takeApartHref(def.id)} data-testid={`zoo-take-apart-${def.id}`}>
          {T.takeApart[lang]}
        </a>
        <button type="button" className="button" onClick={onRun} data-testid={`zoo-run-${def.id}`}>
          {T.run[lang]}
        </button>
      </p>
    </li>
  );
}
