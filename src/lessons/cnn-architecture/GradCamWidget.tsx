import { useId, useMemo, useState } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { ZOO_MODELS } from '../../core/models/zooCatalog';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { formatPercent } from '../../ui/zoo/zooFormat';
import { argmax } from '../../ui/zoo/zooResultMaths';
import { paramNumber, paramString } from '../paramValue';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import type { WidgetProps } from '../widgetTypes';
import { CamLayers, CamOverlay, AlphaBars, maxOf, OpacitySlider } from './CamParts';
import { CAM_LAYER_PARAM, CLASS_PARAM, MODEL_PARAM, USER_MODEL_PARAM } from './cnnArchitectureParams';
import {
  camToInput,
  centralVerdict,
  heatSummary,
  lesionVerdict,
  sourceToModel,
  type HeatSummary,
} from './gradCamMaths';
import { MapsFrame, type MapsContext } from './MapsFrame';
import { camTexts as T } from './mapsTexts';
import { useGradCam } from './useGradCam';

/**
 * The classifier to offer instead of a model Grad-CAM cannot explain (segmentation, denoising, or
 * a classifier without feature maps): the lesson's default model when it is a classifier trained
 * on the same preprocessing (window, size, spacing), else another classifier trained on it, else
 * the default model.
 */
export function classifierFor(def: ZooModelDef): ZooModelDef {
  const fallback = ZOO_MODELS.find((m) => m.id === MODEL_PARAM.default)!;
  const same = (m: ZooModelDef) =>
    m.kind === 'classification' &&
    m.id !== def.id &&
    m.preprocessing.center === def.preprocessing.center &&
    m.preprocessing.width === def.preprocessing.width &&
    m.preprocessing.size === def.preprocessing.size &&
    m.preprocessing.spacingMm === def.preprocessing.spacingMm;
  return same(fallback) ? fallback : (ZOO_MODELS.find(same) ?? fallback);
}

/** Opens the zoo model `id` (closing the learner's own model, which would override it). */
function switchModel(setParam: WidgetProps['setParam'], id: string): void {
  setParam(USER_MODEL_PARAM.id, '');
  setParam(MODEL_PARAM.id, id);
}

/**
 * Step 4 of `cnn-architecture`: Grad-CAM (Selvaraju et al., ICCV 2017) of a chosen class at a
 * chosen layer, over the input, with the channel weights α_k, the class score, a sentence on where
 * the heat lies, and how the map changes between layers. Segmentation and denoising models have
 * no class score: the widget says so and offers a classifier.
 */
export function GradCamWidget({ lesson, step, params, lang, setParam }: WidgetProps) {
  return (
    <MapsFrame
      lesson={lesson}
      step={step}
      params={params}
      lang={lang}
      setParam={setParam}
      testId="cnn-grad-cam"
    >
      {(ctx) =>
        ctx.model.def.kind === 'classification' ? (
          <GradCamView ctx={ctx} params={params} lang={lang} setParam={setParam} />
        ) : (
          <NotClassifier def={ctx.model.def} lang={lang} onSwitch={(id) => switchModel(setParam, id)} />
        )
      }
    </MapsFrame>
  );
}

function NotClassifier({
  def,
  lang,
  onSwitch,
}: {
  def: ZooModelDef;
  lang: Lang;
  onSwitch(id: string): void;
}) {
  const other = classifierFor(def);
  const why =
    def.kind === 'classification'
      ? T.noMaps[lang]
      : T.notClassifier[lang](def.kind === 'segmentation' ? T.segmentationTask[lang] : T.denoisingTask[lang]);
  return (
    <div
      className="callout"
      data-testid="cam-not-classifier"
      data-reason={def.kind === 'classification' ? 'no-maps' : 'no-class'}
    >
      <p>{why}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="cam-switch"
        onClick={() => onSwitch(other.id)}
      >
        {T.switchTo[lang](other.name[lang])}
      </button>
    </div>
  );
}

function GradCamView({
  ctx,
  params,
  lang,
  setParam,
}: Pick<WidgetProps, 'params' | 'setParam'> & { ctx: MapsContext; lang: Lang }) {
  const id = useId();
  const { runner, analysis, def } = ctx.model;
  const graph = runner.graph;
  const size = runner.inputSize;
  const layers = useMemo(() => runner.gradCamLayers(), [runner]);
  const asked = paramString(params[CAM_LAYER_PARAM.id], CAM_LAYER_PARAM.default);
  const layer = layers.includes(asked) ? asked : layers[0];
  const probs = ctx.result.prediction.values;
  const predicted = argmax(probs);
  const cls = paramNumber(params[CLASS_PARAM.id], CLASS_PARAM.default);
  const classIndex = cls >= 0 && cls < def.classes.length ? cls : predicted;
  const [opacity, setOpacity] = useState(0.55);
  const cam = useGradCam(runner, ctx.resultInput, classIndex, layer);
  const result = cam.status === 'ready' ? cam.result : cam.status === 'running' ? cam.previous : undefined;
  const shown = result && layers.includes(result.layer) ? result : undefined;
  const layerIndex = shown ? graph.layers.findIndex((l) => l.name === shown.layer) : -1;
  const heat = useMemo(
    () => (shown ? camToInput(shown.map, shown.rows, shown.columns, size, analysis[layerIndex]) : undefined),
    [shown, size, analysis, layerIndex],
  );
  const lesion = ctx.lesion ? sourceToModel(ctx.lesion, ctx.input.crop, ctx.input.scale) : undefined;
  const summary = useMemo(
    () => (heat ? heatSummary(heat, size, lesion) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lesion's coordinates, not its identity
    [heat, size, lesion?.row, lesion?.column],
  );
  if (!layer) return <NotClassifier def={def} lang={lang} onSwitch={(m) => switchModel(setParam, m)} />;

  return (
    <div
      className="cam"
      data-testid="cam"
      data-status={cam.status}
      data-class={classIndex}
      data-layer={layer}
      {...(shown && cam.status === 'ready'
        ? { 'data-ready-layer': shown.layer, 'data-ready-class': shown.classIndex }
        : {})}
    >
      <fieldset className="cam-classes">
        <legend>{T.classTitle[lang]}</legend>
        {def.classes.map((c, i) => (
          <label key={i}>
            <input
              type="radio"
              name={`${id}-class`}
              checked={i === classIndex}
              data-testid={`cam-class-${i}`}
              onChange={() => setParam(CLASS_PARAM.id, i)}
            />{' '}
            {T.classOption[lang](c[lang], formatPercent(probs[i] ?? 0))}
            {i === predicted && T.predictedMark[lang]}
          </label>
        ))}
      </fieldset>
      <div className="cam-controls">
        <label htmlFor={`${id}-layer`}>{T.layerLabel[lang]}</label>{' '}
        <select
          id={`${id}-layer`}
          value={layer}
          data-testid="cam-layer"
          onChange={(e) => setParam(CAM_LAYER_PARAM.id, e.target.value)}
        >
          {layers.map((name) => {
            const shape = graph.layers.find((l) => l.name === name)!.outputShape;
            return (
              <option key={name} value={name} lang="en">
                {`${name} · ${shape[0]} × ${shape[1]}`}
              </option>
            );
          })}
        </select>
        <OpacitySlider
          id={`${id}-opacity`}
          label={T.opacity[lang]}
          value={opacity}
          onChange={setOpacity}
          testId="cam-opacity"
        />
      </div>
      {cam.status === 'error' && (
        <p role="alert" className="widget-error" data-testid="cam-error">
          {T.failed[lang]} <span lang="en">{cam.error}</span>
        </p>
      )}
      {cam.status === 'running' && (
        <p className="conv-status" role="status">
          {T.computing[lang]}
        </p>
      )}
      {shown && heat && summary && (
        <>
          <div className="maps-row">
            <figure className="cam-figure">
              <CamOverlay
                input={ctx.resultInput}
                heat={heat}
                size={size}
                opacity={opacity}
                lesion={summary.lesion?.centre}
                label={T.overlay[lang](size, shown.rows, shown.columns)}
              />
              <figcaption>{T.overlay[lang](size, shown.rows, shown.columns)}</figcaption>
              <ColourLegend
                scale="viridis"
                range={[0, maxOf(shown.map) || 1]}
                label={T.legend[lang]}
                width={288}
              />
              {summary.lesion && (
                <p className="hint">{T.lesionMark[lang](formatNumber(summary.lesion.radius, 1))}</p>
              )}
            </figure>
            <figure className="cam-figure cam-figure--raw">
              <MapCanvas
                values={shown.map}
                width={shown.columns}
                height={shown.rows}
                scale="viridis"
                range={[0, maxOf(shown.map) || 1]}
                label={T.raw[lang](shown.rows, shown.columns)}
                displayWidth={160}
                testId="cam-raw"
              />
              <figcaption>{T.raw[lang](shown.rows, shown.columns)}</figcaption>
            </figure>
          </div>
          <p data-testid="cam-score" data-value={shown.score}>
            {T.score[lang](formatNumber(shown.score, 4), formatPercent(probs[shown.classIndex] ?? 0))}
          </p>
          <CamSentence s={summary} lang={lang} lesionKnown={ctx.lesion !== undefined} />
          <AlphaBars weights={shown.channelWeights} lang={lang} />
        </>
      )}
      <CamLayers
        graph={graph}
        analysis={analysis}
        layers={layers}
        current={layer}
        runner={runner}
        input={ctx.resultInput}
        classIndex={classIndex}
        size={size}
        lang={lang}
        onLayer={(name) => setParam(CAM_LAYER_PARAM.id, name)}
      />
    </div>
  );
}

/** The sentence under the map: only what {@link heatSummary}'s numbers support. */
function CamSentence({ s, lang, lesionKnown }: { s: HeatSummary; lang: Lang; lesionKnown: boolean }) {
  const gap = lang === 'zh' ? '' : ' ';
  let parts: string[];
  if (s.total <= 0) parts = [T.zeroMap[lang]];
  else if (s.lesion)
    parts = [
      T.nearLesion[lang](
        formatPercent(s.lesion.share),
        formatNumber(s.lesion.radius, 1),
        formatPercent(s.lesion.area),
        formatNumber(s.lesion.peakDistance, 1),
      ),
      T.verdict[lesionVerdict(s.lesion.share, s.lesion.area)][lang],
    ];
  else
    parts = [
      lesionKnown ? T.lesionOutside[lang] : T.noLesion[lang],
      T.central[lang](formatPercent(s.centralShare), s.peak.row, s.peak.column),
      T.centralVerdict[centralVerdict(s.centralShare)][lang],
    ];
  const text = parts.join(gap);
  return (
    <p
      className="cam-sentence"
      data-testid="cam-sentence"
      data-total={s.total}
      {...(s.lesion ? { 'data-lesion-share': s.lesion.share } : { 'data-central-share': s.centralShare })}
    >
      {text}
    </p>
  );
}
