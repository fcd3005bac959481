import './zoo.css';
import { useCallback, useMemo, type ReactNode } from 'react';
import { parseQuery } from '../../core/lessons/route';
import { pendingUserModelDef, userModelId } from '../../core/models/userModel';
import { getZooModel, ZOO_MODELS } from '../../core/models/zooCatalog';
import type { CatalogueModelDef, ZooModelDef } from '../../core/models/zooTypes';
import type { Lang } from '../../core/lessons/types';
import { useLang } from '../../i18n/useT';
import { useBackendStore } from '../backendStore';
import { navigate, useHash } from '../router';
import { BackendSpeed } from './BackendSpeed';
import { ModelCard } from './ModelCard';
import { UserModels } from './UserModels';
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
 * The run panel and the speed table for the model of `query`: a zoo model, or a model trained in
 * the browser (`query.user`), whose definition (preprocessing, classes) arrives with its weights;
 * until then a stand-in names it and no input is prepared.
 */
function Workbench({
  query,
  setQuery,
  zooDef,
  model,
  lang,
}: {
  query: ZooQuery;
  setQuery(q: ZooQuery): void;
  zooDef: CatalogueModelDef;
  model: ZooModelState;
  lang: Lang;
}) {
  const user = query.user;
  const id = user !== undefined ? userModelId(user) : zooDef.id;
  const loaded = model.status === 'ready' && model.model.def.id === id ? model.model.def : undefined;
  const pending = useMemo(() => (user !== undefined ? pendingUserModelDef(user) : undefined), [user]);
  const def: ZooModelDef = user !== undefined ? (loaded ?? pending!) : zooDef;
  const run = useZooRunInput(query, def, user === undefined || loaded !== undefined);
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
}

/**
 * The body of `#/zoo` (loaded lazily under the page's heading): a card for every zoo model, the
 * models trained in this browser, a panel that runs any of them on any image, and the model's
 * speed on this device's backends. The run panel's state lives in the URL (zooQuery.ts).
 */
export function ZooPage() {
  const lang = useLang();
  const hash = useHash();
  const query = useMemo(() => parseZooQuery(parseQuery(hashQuery(hash))), [hash]);
  const setQuery = useCallback((q: ZooQuery) => navigate(formatZooHash(q), { replace: true }), []);
  const zooDef = getZooModel(query.model)!;
  const modelId = query.user !== undefined ? userModelId(query.user) : zooDef.id;
  const backend = useBackendStore((s) => s.status);
  const backendError = useBackendStore((s) => s.error);

  const runModel = (m: CatalogueModelDef): void => {
    const source = query.source === PHANTOM_SOURCE ? PHANTOM_SOURCE : suggestedSample(m.task);
    setQuery({ model: m.id, source, seed: query.seed, example: query.example });
    const panel = document.getElementById('zoo-run');
    panel?.focus({ preventScroll: true });
    panel?.scrollIntoView?.({ block: 'start' });
  };

  const workbench = (model: ZooModelState): ReactNode => (
    <Workbench query={query} setQuery={setQuery} zooDef={zooDef} model={model} lang={lang} />
  );

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
      <UserModels lang={lang} current={query.user} />
      {backend === 'ready' ? (
        <WithZooModel id={modelId}>{workbench}</WithZooModel>
      ) : (
        workbench(
          backend === 'error'
            ? { status: 'error', id: modelId, error: backendError ?? '' }
            : { status: 'loading', id: modelId },
        )
      )}
    </div>
  );
}
