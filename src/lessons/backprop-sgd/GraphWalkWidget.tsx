import { useEffect, useMemo, useState } from 'react';
import { createGraphView } from '../../core/viz/createGraphView';
import type { Lang } from '../../core/lessons/types';
import { RichText } from '../../ui/RichText';
import { usePrefersReducedMotion } from '../../ui/usePrefersReducedMotion';
import { fillPlaceholders } from '../../i18n/translate';
import type { WidgetProps } from '../widgetTypes';
import { fmt, lessonNeuron, lessonTwoLayer, tex } from './backpropSgdData';
import { graphTexts as T } from './backpropSgdTexts';
import {
  backwardTex,
  forwardTex,
  passLength,
  texName,
  walkModel,
  walkViewState,
  type Pass,
  type WalkModel,
} from './graphWalk';
import { Tex } from './Tex';
import { useD3View } from '../useD3View';
import './backpropSgd.css';
import { paramNumber } from '../paramValue';

/** Milliseconds between two nodes while playing. */
const PLAY_INTERVAL = 900;

type NetId = 'neuron' | 'two-layer';

function buildModel(net: NetId): WalkModel {
  if (net === 'neuron') {
    const n = lessonNeuron();
    return walkModel(n.graph, n.loss);
  }
  const t = lessonTwoLayer();
  return walkModel(t.graph, t.loss);
}

/** The computation at the current position, in TeX lines. */
function currentTex(m: WalkModel, pass: Pass, k: number): string[] {
  if (k <= 0) return [];
  if (pass === 'forward') {
    const id = m.forward[k - 1];
    return id === undefined ? [] : [forwardTex(m, id)];
  }
  const step = m.backward[k - 1];
  return step ? backwardTex(m, step) : [];
}

/** What the live region says at this position. */
function statusText(m: WalkModel, pass: Pass, k: number, lang: Lang): string {
  const n = passLength(m, pass);
  const stop = lang === 'zh' ? '。' : '.';
  const where =
    fillPlaceholders((pass === 'forward' ? T.forwardPosition : T.backwardPosition)[lang], { k, n }) + stop;
  const gap = lang === 'zh' ? '' : ' ';
  if (k === 0) return `${where}${gap}${(pass === 'forward' ? T.forwardStart : T.backwardStart)[lang]}`;
  if (k === n) {
    const done =
      pass === 'forward'
        ? fillPlaceholders(T.forwardDone[lang], { loss: fmt(m.graph.value(m.output)) })
        : T.backwardDone[lang];
    return `${where}${gap}${done}`;
  }
  return where;
}

/**
 * Walks a graph node by node: the d3 drawing, the computation of the current node in KaTeX with
 * the actual numbers, and step/back/play controls bound to the `node` parameter (so a link
 * reopens the same node). `pass` is fixed, or read from the `pass` parameter when null.
 */
function GraphWalk({
  params,
  lang,
  setParam,
  step,
  net,
  fixedPass,
}: WidgetProps & { net: NetId; fixedPass: Pass | null }) {
  const model = useMemo(() => buildModel(net), [net]);
  const pass: Pass = fixedPass ?? (params.pass === 'backward' ? 'backward' : 'forward');
  const n = passLength(model, pass);
  const k = Math.max(0, Math.min(n, paramNumber(params.node, 0)));
  const reduced = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return undefined;
    if (k >= n) {
      const stop = setTimeout(() => setPlaying(false), 0);
      return () => clearTimeout(stop);
    }
    const timer = setTimeout(() => setParam('node', k + 1), PLAY_INTERVAL);
    return () => clearTimeout(timer);
  }, [playing, k, n, setParam]);

  const state = useMemo(() => walkViewState(model, pass, k, !reduced), [model, pass, k, reduced]);
  const title = (net === 'neuron' ? T.neuronTitle : T.twoLayerTitle)[lang];
  const ref = useD3View(
    (el) => createGraphView(el, { title, description: T.desc[lang] }),
    state,
    `${net}-${lang}`,
  );
  const lines = currentTex(model, pass, k);
  const weights = model.nodes.filter((x) => x.leafKind === 'param');

  const play = (): void => {
    if (reduced) setParam('node', n);
    else setPlaying(true);
  };

  return (
    <div className="backprop-walk" data-testid="graph-walk" data-pass={pass} data-node={k} data-total={n}>
      <RichText text={step.body[lang]} />
      <div ref={ref} className="backprop-walk__graph" />
      <p className="backprop-legend">{T.legend[lang]}</p>
      <div className="backprop-controls" role="group" aria-label={T.controls[lang]}>
        <button
          type="button"
          className="button"
          onClick={() => setParam('node', k - 1)}
          disabled={k === 0}
          data-testid="walk-back"
        >
          <span aria-hidden="true">◀ </span>
          {T.back[lang]}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setParam('node', k + 1)}
          disabled={k === n}
          data-testid="walk-step"
        >
          {T.step[lang]}
          <span aria-hidden="true"> ▶</span>
        </button>
        {playing ? (
          <button type="button" className="button" onClick={() => setPlaying(false)} data-testid="walk-pause">
            {T.pause[lang]}
          </button>
        ) : (
          <button type="button" className="button" onClick={play} disabled={k === n} data-testid="walk-play">
            {T.play[lang]}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            setPlaying(false);
            setParam('node', 0);
          }}
          disabled={k === 0}
          data-testid="walk-reset"
        >
          {T.reset[lang]}
        </button>
      </div>
      <p className="backprop-status" aria-live="polite" data-testid="walk-status">
        {statusText(model, pass, k, lang)}
      </p>
      {lines.length > 0 && (
        <section className="backprop-math" aria-labelledby={`walk-math-${net}`} data-testid="walk-math">
          <h3 id={`walk-math-${net}`}>{(pass === 'forward' ? T.computing : T.chainRule)[lang]}</h3>
          {lines.map((line) => (
            <Tex key={line} tex={line} display />
          ))}
        </section>
      )}
      {pass === 'backward' && k === n && (
        <section className="backprop-math" data-testid="walk-summary">
          <h3>{T.summary[lang]}</h3>
          <ul className="backprop-grads">
            {weights.map((w) => (
              <li key={w.id}>
                <Tex
                  tex={`\\frac{\\partial L}{\\partial ${texName(w.label ?? '')}} = ${tex(model.grads[w.id] ?? 0)}`}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Step 1: the neuron's forward pass. */
export function ForwardWalkWidget(props: WidgetProps) {
  return <GraphWalk {...props} net="neuron" fixedPass="forward" />;
}

/** Step 2: the neuron's backward pass. */
export function BackwardWalkWidget(props: WidgetProps) {
  return <GraphWalk {...props} net="neuron" fixedPass="backward" />;
}

/** Step 3: the two-layer network, either pass (the `pass` parameter). */
export function TwoLayerWalkWidget(props: WidgetProps) {
  return <GraphWalk {...props} net="two-layer" fixedPass={null} />;
}
