import './zoo.css';
import { useCallback, useMemo, type ReactNode } from 'react';
import { parseQuery } from '../../core/lessons/route';
import { getZooModel, ZOO_MODELS } from '../../core/models/zooCatalog';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { useLang } from '../../i18n/useT';
import { useBackendStore } from '../backendStore';
import { navigate, useHash } from '../router';
import { BackendSpeed } from './BackendSpeed';
import { ModelCard } from './ModelCard';
import { useZooModel, type ZooModelState } from './useZooModel';
import { useZooRunInput } from './useZooRunInput';
import { cardTexts } from './zooPageTexts';
import { formatZooHash, parseZooQuery, PHANTOM_SOURCE, suggestedSample, type ZooQuery } from './zooQuery';
import { ZooRunPanel } from './ZooRunPanel';

/** The query part of a hash (`#/zoo?a=1` → `a=1`). */
function hashQuery(hash: string): string {
  const q = hash.indexOf('?');
  return q < 0 ? '' : hash.slice(q + 1);
}

/** Loads a zoo model (call only once the backend is ready) and renders `children` with its state. */
function WithZooModel({ id, children }: { id: string; children(state: ZooModelState): ReactNode }) {
  return <>{children(useZooModel(id))}</>;
}

/**
 * The body of `#/zoo` (loaded lazily under the page's heading): a card for every zoo model, a panel
 * that runs any model on any image, and the model's speed on this device's backends. The run
 * panel's state lives in the URL (zooQuery.ts).
 */
export function ZooPage() {
  const lang = useLang();
  const hash = useHash();
  const query = useMemo(() => parseZooQuery(parseQuery(hashQuery(hash))), [hash]);
  const setQuery = useCallback((q: ZooQuery) => navigate(formatZooHash(q), { replace: true }), []);
  const def = getZooModel(query.model)!;
  const run = useZooRunInput(query, def);
  const backend = useBackendStore((s) => s.status);
  const backendError = useBackendStore((s) => s.error);

  const runModel = (m: ZooModelDef): void => {
    const source = query.source === PHANTOM_SOURCE ? PHANTOM_SOURCE : suggestedSample(m.task);
    setQuery({ model: m.id, source, seed: query.seed, example: query.example });
    const panel = document.getElementById('zoo-run');
    panel?.focus({ preventScroll: true });
    panel?.scrollIntoView?.({ block: 'start' });
  };

  const workbench = (model: ZooModelState): ReactNode => {
    const manifest = model.status === 'ready' ? model.model.manifest : null;
    return (
      <>
        <ZooRunPanel
          query={query}
          setQuery={setQuery}
          def={def}
          model={model}
          run={run}
          lang={lang}
          {...(manifest
            ? { manifestSeeds: { train: manifest.data.trainSeed, validation: manifest.data.validationSeed } }
            : {})}
        />
        <BackendSpeed def={def} model={model} input={run.input} modelName={def.name[lang]} lang={lang} />
      </>
    );
  };

  return (
    <div className="zoo-page" data-testid="zoo-body">
      <section className="zoo-section" aria-labelledby="zoo-cards-title">
        <h2 id="zoo-cards-title">{cardTexts.sectionTitle[lang]}</h2>
        <p>{cardTexts.sectionIntro[lang]}</p>
        <ol className="card-grid zoo-cards" aria-label={cardTexts.listLabel[lang]} data-testid="zoo-cards">
          {ZOO_MODELS.map((m) => (
            <ModelCard key={m.id} def={m} lang={lang} onRun={() => runModel(m)} />
          ))}
        </ol>
      </section>
      {backend === 'ready' ? (
        <WithZooModel id={def.id}>{workbench}</WithZooModel>
      ) : (
        workbench(
          backend === 'error'
            ? { status: 'error', id: def.id, error: backendError ?? '' }
            : { status: 'loading', id: def.id },
        )
      )}
    </div>
  );
}
