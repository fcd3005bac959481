import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { UnitRef } from '../../core/models/zooTypes';
import { paramString } from '../paramValue';
import type { WidgetProps } from '../widgetTypes';
import { formatUnit, LAYER_PARAM, UNIT_PARAM, unitParam } from './cnnArchitectureParams';
import { carryUnit, centreUnit, clampUnit, defaultLayer, layerScale } from './featureMapsLayout';
import { LayerMaps } from './LayerMaps';
import { MapsFrame, type MapsContext } from './MapsFrame';
import { mapsTexts as T } from './mapsTexts';
import { PredictionView } from './PredictionView';
import { SelectedMap } from './SelectedMap';
import { UnitDetailPanel } from './UnitDetailPanel';

/**
 * Step 3 of `cnn-architecture`: every layer's output for the chosen model and input (channel
 * thumbnails and vector strips, one colour scale per layer), the selected channel large, and the
 * selected unit explained (receptive field, exact computation, reference vs tfjs).
 */
export function FeatureMapsWidget({ lesson, step, params, lang, setParam }: WidgetProps) {
  return (
    <MapsFrame
      lesson={lesson}
      step={step}
      params={params}
      lang={lang}
      setParam={setParam}
      testId="cnn-feature-maps"
    >
      {(ctx) => <FeatureMaps ctx={ctx} params={params} lang={lang} setParam={setParam} />}
    </MapsFrame>
  );
}

function FeatureMaps({
  ctx,
  params,
  lang,
  setParam,
}: Pick<WidgetProps, 'params' | 'setParam'> & { ctx: MapsContext; lang: Lang }) {
  const { runner, analysis } = ctx.model;
  const graph = runner.graph;
  const outputs = ctx.result.outputs;
  const scales = useMemo(() => outputs.map((o) => layerScale(o.values)), [outputs]);
  const layerName = paramString(params[LAYER_PARAM.id], LAYER_PARAM.default);
  // A layer this model does not have (e.g. after a change of model) falls back to the default.
  const found = graph.layers.findIndex((l) => l.name === layerName);
  const index = found >= 0 ? found : graph.layers.indexOf(defaultLayer(graph));
  const layer = graph.layers[index]!;
  const asked = unitParam(params, layer.name);
  const unit = asked ? clampUnit(layer.outputShape, asked) : centreUnit(layer);

  const select = (u: UnitRef): void => {
    setParam(LAYER_PARAM.id, u.layer);
    setParam(UNIT_PARAM.id, formatUnit(u));
  };
  // The overview's rows are memoised: give them one callback for the widget's life.
  const latest = useRef({ unit, layer, graph, select });
  useLayoutEffect(() => {
    latest.current = { unit, layer, graph, select };
  });
  const onSelect = useCallback((i: number, channel: number) => {
    const { unit: from, layer: fromLayer, graph: g, select: sel } = latest.current;
    const to = g.layers[i]!;
    sel(
      to.name === fromLayer.name
        ? clampUnit(to.outputShape, { ...from, channel })
        : carryUnit(from, fromLayer.outputShape, to, channel),
    );
  }, []);
  const weightsOf = useCallback((name: string) => runner.layerWeights(name), [runner]);

  return (
    <div
      className="maps"
      data-testid="maps"
      data-layer={layer.name}
      data-unit={formatUnit(unit)}
      data-stale={ctx.stale}
    >
      <PredictionView
        def={ctx.model.def}
        prediction={ctx.result.prediction.values}
        input={ctx.resultInput}
        pixelMm={ctx.cnn.pixelMm}
        full
        stale={ctx.stale}
        testIdPrefix="maps"
        lang={lang}
      />
      <div className="maps__main">
        <section className="maps__overview" aria-labelledby="maps-overview-title">
          <h3 id="maps-overview-title">{T.overviewTitle[lang]}</h3>
          <p className="hint">{T.overviewHint[lang]}</p>
          <LayerMaps
            graph={graph}
            outputs={outputs}
            scales={scales}
            selectedLayer={layer.name}
            selectedChannel={unit.channel}
            lang={lang}
            onSelect={onSelect}
          />
        </section>
        <div className="maps__focus">
          <SelectedMap
            layer={layer}
            index={index}
            output={outputs[index]!}
            scale={scales[index]!}
            unit={unit}
            lang={lang}
            onUnit={select}
          />
          <UnitDetailPanel
            graph={graph}
            analysis={analysis}
            outputs={outputs}
            unit={unit}
            weightsOf={weightsOf}
            lang={lang}
          />
        </div>
      </div>
    </div>
  );
}
