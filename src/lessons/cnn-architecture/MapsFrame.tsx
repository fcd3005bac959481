import type { ReactNode } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { ForwardResult } from '../../core/models/zooTypes';
import type { ZooInput } from '../../ui/zoo/prepareZooInput';
import type { LoadedZooModel } from '../../ui/zoo/useZooModel';
import { RichText } from '../../ui/RichText';
import { OWN_SLICE, SLICE_PARAM } from '../shared/lessonSlice';
import { SliceSource } from '../shared/SliceSource';
import type { WidgetProps } from '../widgetTypes';
import { outputsFor } from './featureMapsLayout';
import type { SlicePixel } from './lesionCentre';
import { frameTexts as F } from './mapsTexts';
import { ModelStatus } from './ModelStatus';
import { useCnnInput, type CnnInput } from './useCnnInput';
import { UserModelNotes } from './UserModelNotes';
import './maps.css';

/** What the feature-map and Grad-CAM widgets work on once the model has run on the input. */
export interface MapsContext {
  cnn: CnnInput;
  model: LoadedZooModel;
  input: ZooInput;
  /** A forward pass of this model (its outputs match the model's graph). */
  result: ForwardResult;
  /** The model input `result` was computed from. */
  resultInput: Float32Array;
  /** True while a pass for a newer input runs (`result` is the previous one). */
  stale: boolean;
  /** The gallery sample's lesion centre in source pixels, when it has one. */
  lesion: SlicePixel | undefined;
}

/**
 * The frame of steps 3 and 4: the step's text, the slice line (with "open your own file"), the
 * model's and the forward pass's status, then `children(context)` once a forward pass of the
 * chosen model on the chosen input is available. The crop centre defaults to the sample's lesion.
 */
export function MapsFrame({
  step,
  params,
  lang,
  setParam,
  testId,
  children,
  lesson,
}: Pick<WidgetProps, 'step' | 'params' | 'lang' | 'setParam'> & {
  /** The lesson, to number the step in the learner's-model links (optional in tests). */
  lesson?: WidgetProps['lesson'];
  testId: string;
  children(context: MapsContext): ReactNode;
}) {
  const cnn = useCnnInput(params);
  const { model, forward, input } = cnn;
  let body: ReactNode = null;
  if (model.status !== 'ready' || forward.status === 'error')
    body = <ModelStatus model={model} forward={forward} lang={lang} errorTestId="maps-error" />;
  else if (input) {
    const graph = model.model.runner.graph;
    const ready = forward.status === 'ready' ? forward : undefined;
    const previous = forward.status === 'running' ? forward.previous : undefined;
    const result = ready?.result ?? previous;
    const outputs = outputsFor(graph, result?.outputs);
    if (result && outputs) {
      body = (
        <>
          <p className="conv-status hint" role="status" data-testid="maps-status">
            {ready ? F.forwardTime[lang](formatNumber(ready.ms, 1), graph.layers.length) : F.updating[lang]}
          </p>
          {children({
            cnn,
            model: model.model,
            input,
            result,
            resultInput: outputs[0]!.values,
            stale: !ready || ready.input !== input.input,
            lesion:
              cnn.slice.status === 'ready' && cnn.slice.slice.id === cnn.sliceId ? cnn.lesion : undefined,
          })}
        </>
      );
    } else
      body = (
        <p className="conv-status" role="status">
          {F.running[lang]}
        </p>
      );
  }
  return (
    <div className="cnn-maps-frame" data-testid={testId} data-model={cnn.def.id}>
      <RichText text={step.body[lang]} />
      <UserModelNotes
        userName={cnn.userName}
        phantomUnavailable={cnn.phantomUnavailable}
        current={(lesson?.steps.findIndex((s) => s.id === step.id) ?? -1) + 1}
        lang={lang}
        setParam={setParam}
      />
      <SliceSource state={cnn.slice} lang={lang} onOwnSlice={() => setParam(SLICE_PARAM.id, OWN_SLICE)} />
      {body}
    </div>
  );
}
