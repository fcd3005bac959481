import { useMemo } from 'react';
import { formatModalityValue, formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { ZooInput } from '../../ui/zoo/prepareZooInput';
import { formatMs } from '../../ui/zoo/zooFormat';
import { RichText } from '../../ui/RichText';
import { MapCanvas } from '../shared/MapCanvas';
import { OWN_SLICE, SLICE_PARAM, type LessonSlice } from '../shared/lessonSlice';
import { SliceOverview } from '../shared/SliceOverview';
import { SliceSource } from '../shared/SliceSource';
import type { WidgetProps } from '../widgetTypes';
import { CENTRE_X_PARAM, CENTRE_Y_PARAM } from './cnnArchitectureParams';
import { nudgedCentre, pipelineFacts, type PipelineFacts } from './inputPipeline';
import { inputTexts as T } from './inputWidgetTexts';
import { ModelCard } from './ModelCard';
import { ModelSelect } from './ModelSelect';
import { ModelStatus } from './ModelStatus';
import { PredictionView } from './PredictionView';
import { useCnnInput } from './useCnnInput';
import { UserModelNotes } from './UserModelNotes';
import { userModelTexts as U } from './userModelTexts';
import './cnnArchitecture.css';

const RAMP_W = 200;
const RAMP_H = 80;

/** The window as a graph: value across (the slice's range and the window), 0…1 up; the worked pixel as a dot. */
function WindowRamp({ facts, unit, lang }: { facts: PipelineFacts; unit: string; lang: Lang }) {
  const x0 = Math.min(facts.sliceRange[0], facts.lo);
  const x1 = Math.max(facts.sliceRange[1], facts.hi);
  const span = x1 - x0 || 1;
  const pad = 6;
  const x = (v: number) => pad + ((v - x0) / span) * (RAMP_W - 2 * pad);
  const y = (t: number) => RAMP_H - 16 - t * (RAMP_H - 26);
  const points = [
    [x(x0), y(0)],
    [x(facts.lo), y(0)],
    [x(facts.hi), y(1)],
    [x(x1), y(1)],
  ]
    .map(([a, b]) => `${a},${b}`)
    .join(' ');
  return (
    <svg
      className="cnn-ramp"
      viewBox={`0 0 ${RAMP_W} ${RAMP_H}`}
      width={RAMP_W}
      role="img"
      aria-label={T.rampLabel[lang]}
    >
      <line x1={pad} x2={RAMP_W - pad} y1={y(0)} y2={y(0)} className="cnn-ramp__axis" />
      <polyline points={points} fill="none" stroke="#0072B2" strokeWidth={2} />
      <circle cx={x(facts.example.value)} cy={y(facts.example.windowed)} r={4} fill="#E69F00" />
      <text x={pad} y={RAMP_H - 3} className="cnn-ramp__tick">
        {formatModalityValue(x0, unit)}
      </text>
      <text x={RAMP_W - pad} y={RAMP_H - 3} textAnchor="end" className="cnn-ramp__tick">
        {formatModalityValue(x1, unit)}
      </text>
    </svg>
  );
}

/** Steps 1–4 of the preprocessing with the current slice's numbers. */
function Pipeline({
  slice,
  input,
  facts,
  lesion,
  chosen,
  lang,
  setParam,
}: {
  slice: LessonSlice;
  input: ZooInput;
  facts: PipelineFacts;
  lesion: { row: number; column: number } | undefined;
  chosen: boolean;
  lang: Lang;
  setParam: WidgetProps['setParam'];
}) {
  const { crop, preprocessing: prep } = input;
  const unit = slice.unit;
  const v = (n: number) => formatModalityValue(n, unit);
  const setCentre = (row: number, column: number): void => {
    setParam(CENTRE_X_PARAM.id, column);
    setParam(CENTRE_Y_PARAM.id, row);
  };
  const windowText =
    input.windowFrom === 'model'
      ? T.modelWindow
      : input.preprocessing.windowKnown === false
        ? U.imageWindow
        : T.imageWindow;
  const how = facts.resample === 'shrink' ? T.shrink : facts.resample === 'enlarge' ? T.enlarge : T.same;
  return (
    <section className="cnn-pipeline" aria-labelledby="cnn-pipeline-title" data-testid="cnn-pipeline">
      <h3 id="cnn-pipeline-title">{T.pipelineTitle[lang]}</h3>
      <ol className="cnn-pipeline__stages">
        <li className="cnn-stage">
          <h4>{T.sliceStage[lang]}</h4>
          <SliceOverview
            slice={slice}
            lang={lang}
            box={{ top: crop.row0, left: crop.column0, width: crop.columns, height: crop.rows }}
            label={T.overviewLabel[lang]}
            displayWidth={168}
            testId="cnn-overview"
            data={{ row: facts.centre.row, column: facts.centre.column, side: facts.side }}
            onPoint={(row, column) => setCentre(row, column)}
            onNudge={(dr, dc, big) => {
              const next = nudgedCentre(facts.centre, dr, dc, big, facts.side, slice);
              setCentre(next.row, next.column);
            }}
          />
          <p>
            {T.sliceFacts[lang](
              slice.width,
              slice.height,
              `${v(facts.sliceRange[0])} … ${v(facts.sliceRange[1])}`,
            )}
          </p>
          <p>
            {slice.spacingMm !== undefined
              ? T.spacing[lang](formatNumber(slice.spacingMm, 3))
              : T.noSpacing[lang](formatNumber(prep.spacingMm, 3))}
          </p>
          <p data-testid="cnn-crop">
            {facts.whole
              ? T.cropWhole[lang]
              : T.crop[lang](
                  facts.side,
                  formatNumber(facts.fieldMm, 1),
                  facts.centre.row,
                  facts.centre.column,
                )}
          </p>
          {facts.outside && !facts.whole && <p className="hint">{T.cropOutside[lang]}</p>}
          <p className="hint" data-testid="cnn-centre-source">
            {chosen
              ? T.chosenCentre[lang]
              : lesion
                ? T.autoLesion[lang](lesion.row, lesion.column)
                : T.autoMiddle[lang]}
          </p>
          {chosen && (
            <button
              type="button"
              className="button"
              data-testid="cnn-auto-centre"
              onClick={() => setCentre(-1, -1)}
            >
              {T.auto[lang]}
            </button>
          )}
        </li>
        <li className="cnn-stage">
          <h4>{T.windowStage[lang]}</h4>
          <p data-testid="cnn-window" data-from={input.windowFrom}>
            {windowText[lang](formatNumber(prep.center), formatNumber(prep.width), v(facts.lo), v(facts.hi))}
          </p>
          <WindowRamp facts={facts} unit={unit} lang={lang} />
          <p data-testid="cnn-window-example" data-value={facts.example.windowed}>
            {T.example[lang](
              formatNumber(facts.example.value),
              facts.lo < 0 ? `(${formatNumber(facts.lo)})` : formatNumber(facts.lo),
              formatNumber(prep.width),
              formatNumber(facts.example.windowed, 3),
            )}
          </p>
        </li>
        <li className="cnn-stage">
          <h4>{T.normalisedStage[lang]}</h4>
          <MapCanvas
            values={input.windowed}
            width={crop.columns}
            height={crop.rows}
            scale="gray"
            range={[0, 1]}
            label={T.croppedImage[lang](facts.side)}
            displayWidth={150}
          />
          <p data-testid="cnn-clipped">
            {T.clipped[lang](
              `${formatNumber(100 * facts.atLow, 1)} %`,
              `${formatNumber(100 * facts.atHigh, 1)} %`,
              formatNumber(facts.mean, 3),
            )}
          </p>
        </li>
        <li className="cnn-stage">
          <h4>{T.resizedStage[lang]}</h4>
          <MapCanvas
            values={input.input}
            width={prep.size}
            height={prep.size}
            scale="gray"
            range={[0, 1]}
            label={T.inputImage[lang](prep.size)}
            displayWidth={150}
            testId="cnn-model-input"
          />
          <p data-testid="cnn-resize" data-scale={input.scale}>
            {T.resized[lang](facts.side, prep.size, formatNumber(input.scale, 3), how[lang])}
          </p>
          <p>{T.modelPixel[lang](formatNumber(facts.modelPixelMm, 3))}</p>
          {input.assumedSpacing && (
            <p className="hint">{T.noSpacing[lang](formatNumber(prep.spacingMm, 3))}</p>
          )}
        </li>
      </ol>
    </section>
  );
}

/**
 * Step 1 of `cnn-architecture`: choose a zoo model and a slice, pick the crop centre on the slice,
 * and see the preprocessing with the actual numbers (slice → windowed crop → 0…1 → 64 × 64), the
 * model card (analysis + manifest) and the model's prediction for this input.
 */
export function InputWidget({ step, params, lang, setParam }: WidgetProps) {
  const cnn = useCnnInput(params);
  const { def, model, slice, input, forward, lesion } = cnn;
  const chosen = cnn.centre !== undefined && cnn.centre !== lesion;
  const sliceReady = slice.status === 'ready' ? slice.slice : undefined;
  const facts = useMemo(
    () => (sliceReady && input ? pipelineFacts(sliceReady, input, cnn.centre) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the centre's coordinates, not its identity
    [sliceReady, input, cnn.centre?.row, cnn.centre?.column],
  );
  const graph = model.status === 'ready' ? model.model.runner.graph : undefined;
  const latest =
    forward.status === 'ready' ? forward.result : forward.status === 'running' ? forward.previous : undefined;
  // A previous pass may be of the model chosen before: keep it only if it has this model's layers.
  const result =
    latest &&
    graph &&
    latest.outputs.length === graph.layers.length &&
    latest.outputs.every((o, i) => o.name === graph.layers[i]!.name)
      ? latest
      : undefined;
  const resultInput =
    forward.status === 'ready' ? forward.input : result ? result.outputs[0]?.values : undefined;
  const status =
    model.status === 'error' || forward.status === 'error'
      ? 'error'
      : model.status === 'ready' && forward.status === 'ready'
        ? 'ready'
        : slice.status === 'ready' || slice.status === 'loading'
          ? 'loading'
          : 'idle';
  return (
    <div className="cnn-widget" data-testid="cnn-input" data-model={def.id} data-status={status}>
      <RichText text={step.body[lang]} />
      <ModelSelect def={def} lang={lang} setParam={setParam} />
      <UserModelNotes
        userName={cnn.userName}
        phantomUnavailable={cnn.phantomUnavailable}
        current={1}
        lang={lang}
        setParam={setParam}
      />
      <SliceSource state={slice} lang={lang} onOwnSlice={() => setParam(SLICE_PARAM.id, OWN_SLICE)} />
      {sliceReady && input && facts && (
        <Pipeline
          slice={sliceReady}
          input={input}
          facts={facts}
          lesion={lesion}
          chosen={chosen}
          lang={lang}
          setParam={setParam}
        />
      )}
      <div className="cnn-input__results">
        <ModelStatus model={model} forward={forward} lang={lang} errorTestId="cnn-error" />
        {model.status === 'ready' && <ModelCard model={model.model} lang={lang} />}
        {model.status === 'ready' && result && resultInput && (
          <div>
            <PredictionView
              def={def}
              prediction={result.prediction.values}
              input={resultInput}
              pixelMm={cnn.pixelMm}
              full={false}
              stale={forward.status !== 'ready'}
              testIdPrefix="cnn"
              lang={lang}
            />
            {forward.status === 'ready' && (
              <p className="hint" data-testid="cnn-timing">
                {T.timing[lang](formatMs(forward.ms))}
              </p>
            )}
          </div>
        )}
        {model.status === 'ready' && !result && forward.status === 'running' && (
          <p className="cnn-status" role="status">
            {T.running[lang]}
          </p>
        )}
      </div>
    </div>
  );
}
