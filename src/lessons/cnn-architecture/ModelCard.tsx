import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { graphTotals } from '../../core/models/analyseGraph';
import type { ZooManifest, ZooMetrics } from '../../core/models/zooTypes';
import { formatBytes, formatCount, formatFlops } from '../../ui/zoo/zooFormat';
import { modelReceptiveField } from '../../ui/zoo/zooResultMaths';
import type { LoadedZooModel } from '../../ui/zoo/useZooModel';
import { OUTPUT_TEXTS, TASK_TEXTS, inputTexts as T } from './inputWidgetTexts';
import { userModelTexts as U } from './userModelTexts';

/** A saved figure with 3 decimals, or a dash when it was not measured. */
function figure(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : formatNumber(v, 3);
}

/** The validation metrics a manifest records, as short texts. */
function metricTexts(m: ZooMetrics, lang: Lang): string[] {
  const out: string[] = [];
  if (m.auc !== undefined) out.push(T.auc[lang](formatNumber(m.auc, 3)));
  if (m.accuracy !== undefined) out.push(T.accuracy[lang](formatNumber(m.accuracy, 3)));
  if (m.dice !== undefined) out.push(T.dice[lang](formatNumber(m.dice, 3)));
  if (m.psnr !== undefined)
    out.push(T.psnr[lang](formatNumber(m.psnr, 1), formatNumber(m.inputPsnr ?? NaN, 1)));
  return out;
}

function ManifestFacts({ manifest, lang }: { manifest: ZooManifest; lang: Lang }) {
  const { data, training } = manifest;
  const metrics = metricTexts(manifest.metrics, lang);
  return (
    <>
      <dt>{T.training[lang]}</dt>
      <dd data-testid="cnn-card-data">
        {T.trainingFacts[lang](data.trainSize, data.trainSeed, data.validationSize, data.validationSeed)}
      </dd>
      <dt>{T.schedule[lang]}</dt>
      <dd data-testid="cnn-card-training">
        {T.scheduleFacts[lang](
          training.epochs,
          training.batchSize,
          formatNumber(training.learningRate, 5),
          formatNumber(training.seconds, 0),
        )}{' '}
        <span lang="en">
          {training.optimizer}, {training.backend}
        </span>
      </dd>
      <dt>{T.validation[lang]}</dt>
      <dd data-testid="cnn-card-metrics">
        {metrics.length ? metrics.join(lang === 'zh' ? '，' : ', ') : T.noMetrics[lang]}
      </dd>
      <dt>{T.weights[lang]}</dt>
      <dd data-testid="cnn-card-weights">{formatBytes(manifest.weightBytes)}</dd>
    </>
  );
}

/**
 * The model card of step 1: task, output, input, parameters and FLOPs (from the analysis), the
 * receptive field of the last spatial layer, and the training record (manifest) when there is one.
 */
export function ModelCard({ model, lang }: { model: LoadedZooModel; lang: Lang }) {
  const { def, analysis, manifest } = model;
  const totals = graphTotals(analysis);
  const prep = def.preprocessing;
  const rf = modelReceptiveField(analysis);
  const rfSide = rf.size ? Math.max(rf.size[0], rf.size[1]) : undefined;
  return (
    <section
      className="cnn-card"
      data-testid="cnn-model-card"
      data-params={totals.params}
      data-flops={totals.flops}
    >
      <h3>
        {T.cardTitle[lang]}: {def.name[lang]}
      </h3>
      <dl>
        <dt>{T.task[lang]}</dt>
        <dd data-testid="cnn-card-task">
          {def.task ? TASK_TEXTS[def.task][lang] : U.trainedHere[lang](def.user?.dataset ?? '')}
        </dd>
        <dt>{T.output[lang]}</dt>
        <dd>{OUTPUT_TEXTS[def.kind][lang]}</dd>
        {def.classes.length > 0 && (
          <>
            <dt>{T.classes[lang]}</dt>
            <dd>{def.classes.map((c) => c[lang]).join(lang === 'zh' ? '、' : ', ')}</dd>
          </>
        )}
        <dt>{T.input[lang]}</dt>
        <dd data-testid="cnn-card-input">
          {prep.windowKnown === false
            ? `${U.inputFactsUnknownWindow[lang](
                prep.size,
                formatNumber(prep.spacingMm, 3),
                formatNumber(prep.size * prep.spacingMm, 1),
              )}${lang === 'zh' ? '，' : ', '}${U.windowUnknown[lang]}`
            : T.inputFacts[lang](
                prep.size,
                formatNumber(prep.spacingMm, 3),
                formatNumber(prep.size * prep.spacingMm, 1),
                formatNumber(prep.center),
                formatNumber(prep.width),
              )}
          {prep.spacingKnown === false && (
            <span className="hint"> {U.assumedSpacing[lang](formatNumber(prep.spacingMm, 3))}</span>
          )}
        </dd>
        <dt>{T.parameters[lang]}</dt>
        <dd data-testid="cnn-card-params">
          {formatCount(totals.params)}
          {manifest && manifest.params !== totals.params && (
            <span role="alert" className="widget-error">
              {' '}
              {T.manifestDiffers[lang](formatCount(manifest.params))}
            </span>
          )}
        </dd>
        <dt>{T.flops[lang]}</dt>
        <dd data-testid="cnn-card-flops">{formatFlops(totals.flops)}</dd>
        <dt>{T.receptiveField[lang]}</dt>
        <dd data-testid="cnn-card-rf" data-size={rfSide ?? ''}>
          {rf.layer !== undefined && rfSide !== undefined ? (
            <>
              {T.rfFacts[lang](
                rf.size![0] === rf.size![1]
                  ? `${formatNumber(rfSide, 2)} × ${formatNumber(rfSide, 2)}`
                  : `${formatNumber(rf.size![0], 2)} × ${formatNumber(rf.size![1], 2)}`,
                formatNumber(rfSide * prep.spacingMm, 1),
              )}{' '}
              <code lang="en">{rf.layer}</code>
              {rf.wholeInputAfter && (
                <>
                  {lang === 'zh' ? '；' : '; '}
                  {T.rfWhole[lang]}
                </>
              )}
            </>
          ) : (
            T.rfNone[lang]
          )}
        </dd>
        {manifest && <ManifestFacts manifest={manifest} lang={lang} />}
        {def.user && (
          <>
            <dt>{U.savedRecord[lang]}</dt>
            <dd data-testid="cnn-card-saved">
              {U.savedFacts[lang](
                def.user.savedAt.slice(0, 10),
                figure(def.user.metrics.auc),
                figure(def.user.metrics.accuracy),
              )}
            </dd>
          </>
        )}
      </dl>
      {!manifest && !def.user && (
        <p className="hint" data-testid="cnn-card-no-manifest">
          {T.noManifest[lang]}
        </p>
      )}
    </section>
  );
}
