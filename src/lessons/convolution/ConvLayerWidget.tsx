import { useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { Filters } from '../../core/tensor/reference/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { valueRange } from '../../core/viz/valuesToRgba';
import { whenBackendReady } from '../../ui/backendStore';
import { MapCanvas } from '../shared/MapCanvas';
import type { LessonSlice } from '../shared/lessonSlice';
import type { WidgetProps } from '../widgetTypes';
import {
  BANK,
  channelOf,
  filterBank,
  kernelSlice,
  layerInput,
  layerRegion,
  SHAPE_NAMES,
} from './convLayerBank';
import { ConvStepFrame } from './ConvStepFrame';
import { commonTexts as C, layerTexts as T } from './convolutionTexts';
import { inChannelsParam, layerKernelParam, outChannelsParam } from './convolutionParams';
import { KernelGrid } from './KernelGrid';
import { LiveConvController } from './LiveConvController';
import { countInWords, groupDigits, scientific, weightSharing, type WeightSharing } from './weightSharing';
import './convolution.css';
import { paramNumber } from '../paramValue';

const SAME = { padding: 'same' } as const;
const THUMB = 150;

/**
 * Step 4: a convolutional layer as a bank of F filters over C input channels made from the slice; each
 * output map is Σ_c channel c ⊛ kernel slice (c, f), computed on the compute backend. Below, the
 * parameter counts of this layer and of a dense layer with the same input and output sizes.
 */
export function ConvLayerWidget({ step, params, lang, setParam }: WidgetProps) {
  return (
    <ConvStepFrame step={step} params={params} lang={lang} setParam={setParam}>
      {(slice) => <Layer slice={slice} params={params} lang={lang} />}
    </ConvStepFrame>
  );
}

function Layer({ slice, params, lang }: Pick<WidgetProps, 'params' | 'lang'> & { slice: LessonSlice }) {
  const k = paramNumber(params.k, layerKernelParam.default);
  const cin = paramNumber(params.cin, inChannelsParam.default);
  const cout = paramNumber(params.cout, outChannelsParam.default);
  const region = useMemo(() => layerRegion(slice), [slice]);
  const input = useMemo(() => layerInput(region, cin), [region, cin]);
  const filters = useMemo(() => filterBank(k, input.volume.channels, cout), [k, input, cout]);
  const channels = useMemo(
    () => Array.from({ length: input.volume.channels }, (_, c) => channelOf(input.volume, c)),
    [input],
  );
  const [maps, setMaps] = useState<{ filters: Filters; maps: Float32Array[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const controller = useRef<LiveConvController | null>(null);
  const updates = useRef(0);

  useEffect(() => {
    const c = new LiveConvController({
      ready: whenBackendReady,
      onResult: (out, req) => {
        updates.current += 1;
        if (root.current) root.current.dataset.updated = String(updates.current);
        setMaps({
          filters: req.filters,
          maps: Array.from({ length: out.channels }, (_, f) => channelOf(out, f)),
        });
        setError(null);
      },
      onError: (e) => setError(e.message),
      onStatus: (s) => {
        if (root.current) root.current.dataset.status = s;
      },
    });
    controller.current = c;
    return () => {
      c.dispose();
      controller.current = null;
    };
  }, []);
  useEffect(() => {
    void controller.current?.setImage(input.volume);
  }, [input]);
  useEffect(() => {
    controller.current?.request(filters, SAME);
  }, [filters]);

  const counts = weightSharing(slice.height, slice.width, input.volume.channels, k, filters.outChannels);
  // Maps of an older bank (another k, C or F) are not shown while the new ones are computed.
  const current = maps && maps.filters === filters ? maps.maps : null;
  const gradients = input.kind === 'gradients';
  return (
    <div
      ref={root}
      className="conv-layer"
      data-testid="conv-layer"
      data-maps={current ? current.length : 0}
      data-conv-params={counts.conv}
      data-dense-params={counts.dense.toString()}
    >
      <h3>{T.inputs[lang](input.volume.channels)}</h3>
      <p>{gradients ? T.gradientChannels[lang] : T.ctChannels[lang]}</p>
      {region.cropped && (
        <p className="hint" data-testid="conv-layer-cropped">
          {T.cropped[lang](slice.width, slice.height, region.width, region.height)}
        </p>
      )}
      <div className="conv-layer__maps">
        {channels.map((values, c) => (
          <figure key={c}>
            <MapCanvas
              values={values}
              width={region.width}
              height={region.height}
              scale={gradients && c > 0 ? 'diverging' : 'gray'}
              range={gradients && c > 0 ? undefined : [0, 1]}
              label={input.names[c]![lang]}
              displayWidth={THUMB}
            />
            <figcaption>
              {c + 1}. {input.names[c]![lang]}
            </figcaption>
          </figure>
        ))}
      </div>
      <h3>{T.filters[lang](filters.outChannels, k, filters.inChannels)}</h3>
      <div className="conv-layer__bank" data-testid="conv-bank">
        {Array.from({ length: filters.outChannels }, (_, f) => (
          <FilterCard key={f} f={f} filters={filters} lang={lang} />
        ))}
      </div>
      <h3>{T.outputs[lang]}</h3>
      {error ? (
        <p role="alert" className="widget-error">
          {C.error[lang]} <span lang="en">{error}</span>
        </p>
      ) : !current ? (
        <p role="status" className="conv-status">
          {C.computing[lang]}
        </p>
      ) : (
        <div className="conv-layer__maps" data-testid="conv-outputs">
          {current.map((values, f) => {
            const range = valueRange(values, 'diverging');
            const label = T.outputMap[lang](f + 1, formatNumber(range[0], 3), formatNumber(range[1], 3));
            return (
              <figure key={f}>
                <MapCanvas
                  values={values}
                  width={region.width}
                  height={region.height}
                  scale="diverging"
                  range={range}
                  label={label}
                  displayWidth={THUMB}
                />
                <figcaption>{label}</figcaption>
              </figure>
            );
          })}
        </div>
      )}
      <Counts
        slice={slice}
        channels={input.volume.channels}
        k={k}
        filters={filters.outChannels}
        counts={counts}
        lang={lang}
      />
    </div>
  );
}

function FilterCard({ f, filters, lang }: { f: number; filters: Filters; lang: Lang }) {
  const spec = BANK[f]!;
  const mix = `(${spec.mix
    .slice(0, filters.inChannels)
    .map((m) => formatNumber(m, 2))
    .join(', ')})`;
  const name = T.filterName[lang](f + 1, SHAPE_NAMES[spec.shape][lang], mix);
  return (
    <figure className="conv-layer__filter">
      <figcaption>{name}</figcaption>
      <div className="conv-layer__slices">
        {Array.from({ length: filters.inChannels }, (_, c) => (
          <KernelGrid
            key={c}
            size={filters.kh}
            values={kernelSlice(filters, c, f)}
            tint
            small
            label={T.slice[lang](c + 1, f + 1)}
          />
        ))}
      </div>
    </figure>
  );
}

function Counts({
  slice,
  channels,
  k,
  filters,
  counts: w,
  lang,
}: {
  slice: LessonSlice;
  channels: number;
  k: number;
  filters: number;
  counts: WeightSharing;
  lang: Lang;
}) {
  return (
    <section className="conv-layer__counts" data-testid="conv-counts">
      <h3>{T.countsTitle[lang]}</h3>
      <p data-testid="conv-count">{T.convCount[lang](k, channels, filters, groupDigits(w.conv))}</p>
      <p data-testid="dense-count">
        {T.denseCount[lang](
          slice.height,
          slice.width,
          channels,
          w.outHeight,
          w.outWidth,
          filters,
          groupDigits(w.dense),
          countInWords(w.dense, lang),
          scientific(w.dense),
        )}
      </p>
      <p>{T.ratio[lang](scientific(Math.round(w.ratio)))}</p>
    </section>
  );
}
