import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import { zooLabel } from '../../core/datasets/zooTasks';
import { ZOO_MODELS } from '../../core/models/zooCatalog';
import { userModelId, userModelName } from '../../core/models/userModel';
import type { ZooModelDef, ZooModelId } from '../../core/models/zooTypes';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { LESSON_SAMPLES } from '../../lessons/radiology-images/radiologyImagesParams';
import { SliceOverview } from '../../lessons/shared/SliceOverview';
import { SliceSource } from '../../lessons/shared/SliceSource';
import { OWN_SLICE } from '../../lessons/shared/lessonSlice';
import { BACKEND_NAMES } from '../backendNames';
import type { BackendName } from '../../core/tensor/backendTypes';
import { useZooForward } from './useZooForward';
import type { ZooModelState } from './useZooModel';
import type { ZooRunInput } from './useZooRunInput';
import { formatMs, formatQuantity } from './zooFormat';
import { cardTexts, runTexts as T } from './zooPageTexts';
import { userTexts as U } from './userModelTexts';
import { PHANTOM_EXAMPLES, PHANTOM_SOURCE, type ZooQuery } from './zooQuery';
import { modelPixelMm } from './zooResultMaths';
import { ResultFigure } from './ResultFigure';
import { RunStatus, ZooResult } from './ZooResults';

/** CSS width of the slice overview and the prepared input. */
const VIEW = 208;

/** The label of phantom example `index` of `def`'s task: its class, or whether it holds a lesion. */
function exampleLabel(def: ZooModelDef, index: number, lang: Lang): string {
  const label = def.task ? zooLabel(def.task, index) : 0;
  if (def.kind === 'classification') return def.classes[label]?.[lang] ?? String(label);
  return (label === 1 ? T.lesion : T.noLesion)[lang];
}

function Controls({
  query,
  setQuery,
  def,
  lang,
}: {
  query: ZooQuery;
  setQuery(q: ZooQuery): void;
  def: ZooModelDef;
  lang: Lang;
}) {
  const id = useId();
  const phantom = query.source === PHANTOM_SOURCE;
  const user = query.user;
  return (
    <div className="zoo-controls">
      <p className="zoo-field">
        <label htmlFor={`${id}-model`}>{T.model[lang]}</label>
        <select
          id={`${id}-model`}
          value={user !== undefined ? userModelId(user) : query.model}
          data-testid="zoo-model-select"
          onChange={(e) => {
            const { user: _user, ...rest } = query;
            const name = userModelName(e.target.value);
            if (name !== null) setQuery({ ...rest, user: name });
            else setQuery({ ...rest, model: e.target.value as ZooModelId });
          }}
        >
          {user !== undefined && (
            <option value={userModelId(user)} data-testid="zoo-user-option">
              {`${U.optionGroup[lang]}${lang === 'zh' ? '：' : ': '}${user}`}
            </option>
          )}
          {ZOO_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name[lang]}
            </option>
          ))}
        </select>
      </p>
      <p className="zoo-field">
        <label htmlFor={`${id}-source`}>{T.source[lang]}</label>
        <select
          id={`${id}-source`}
          value={query.source}
          data-testid="zoo-source-select"
          onChange={(e) => {
            const { centre: _centre, ...rest } = query;
            setQuery({ ...rest, source: e.target.value });
          }}
        >
          {LESSON_SAMPLES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label[lang]}
            </option>
          ))}
          <option value={OWN_SLICE}>{T.ownFile[lang]}</option>
          {user === undefined && <option value={PHANTOM_SOURCE}>{T.phantom[lang]}</option>}
        </select>
      </p>
      {user !== undefined && (
        <p className="hint" data-testid="zoo-user-no-phantom">
          {U.noPhantom[lang]}
        </p>
      )}
      {phantom && (
        <>
          <p className="zoo-field">
            <label htmlFor={`${id}-seed`}>{T.seed[lang]}</label>
            <input
              id={`${id}-seed`}
              type="number"
              min={0}
              max={2 ** 31 - 1}
              step={1}
              value={query.seed}
              data-testid="zoo-seed"
              onChange={(e) => {
                const v = Number(e.target.value);
                if (e.target.value !== '' && Number.isInteger(v) && v >= 0 && v < 2 ** 31)
                  setQuery({ ...query, seed: v });
              }}
            />
          </p>
          <p className="zoo-field">
            <label htmlFor={`${id}-example`}>{T.example[lang]}</label>
            <select
              id={`${id}-example`}
              value={query.example}
              data-testid="zoo-example"
              onChange={(e) => setQuery({ ...query, example: Number(e.target.value) })}
            >
              {Array.from({ length: PHANTOM_EXAMPLES }, (_, i) => (
                <option key={i} value={i}>
                  {T.exampleOption[lang](i + 1, exampleLabel(def, i, lang))}
                </option>
              ))}
            </select>
          </p>
        </>
      )}
    </div>
  );
}

function SliceInput({
  run,
  query,
  setQuery,
  lang,
}: {
  run: Extract<ZooRunInput, { kind: 'slice' }>;
  query: ZooQuery;
  setQuery(q: ZooQuery): void;
  lang: Lang;
}) {
  const { slice, prepared, centre } = run;
  const setCentre = (row: number, column: number): void => setQuery({ ...query, centre: { row, column } });
  return (
    <>
      <SliceSource
        state={run.state}
        lang={lang}
        onOwnSlice={() => {
          const { centre: _centre, ...rest } = query;
          setQuery({ ...rest, source: OWN_SLICE });
        }}
      />
      {slice && prepared && centre && (
        <>
          <SliceOverview
            slice={slice}
            lang={lang}
            box={{
              top: prepared.crop.row0,
              left: prepared.crop.column0,
              width: prepared.crop.columns,
              height: prepared.crop.rows,
            }}
            label={T.overview[lang]}
            displayWidth={VIEW}
            testId="zoo-overview"
            data={{ row: centre.row, column: centre.column }}
            onPoint={setCentre}
            onNudge={(dr, dc, big) => {
              const step = Math.max(1, Math.round(prepared.crop.rows / (big ? 2 : 8)));
              setCentre(
                Math.min(slice.height - 1, Math.max(0, centre.row + dr * step)),
                Math.min(slice.width - 1, Math.max(0, centre.column + dc * step)),
              );
            }}
          />
          <p data-testid="zoo-centre" data-mode={run.centreMode}>
            {run.centreMode === 'chosen'
              ? T.centreChosen[lang](centre.row, centre.column)
              : (run.centreMode === 'lesion' ? T.centreAuto : T.centreMiddle)[lang]}{' '}
            {run.centreMode === 'chosen' && (
              <button
                type="button"
                className="button button--quiet"
                data-testid="zoo-centre-reset"
                onClick={() => {
                  const { centre: _centre, ...rest } = query;
                  setQuery(rest);
                }}
              >
                {T.centreReset[lang]}
              </button>
            )}
          </p>
        </>
      )}
    </>
  );
}

function PreparedInfo({ run, def, lang }: { run: ZooRunInput; def: ZooModelDef; lang: Lang }) {
  if (run.kind !== 'slice' || !run.prepared || !run.slice) return null;
  const p = run.prepared;
  const side = p.crop.rows;
  const spacing = run.slice.spacingMm ?? def.preprocessing.spacingMm;
  const hu = (v: number): string =>
    p.windowFrom === 'model' ? formatQuantity(v, 'HU', 0) : formatNumber(v, 1);
  return (
    <>
      <p data-testid="zoo-prepared-info">
        {T.preparedInfo[lang](
          side,
          formatQuantity(side * spacing, 'mm', 1),
          hu(p.preprocessing.center),
          hu(p.preprocessing.width),
        )}
      </p>
      {p.windowFrom === 'image' && (
        <p className="callout" data-testid="zoo-image-window">
          {(def.preprocessing.windowKnown === false ? U.imageWindow : T.imageWindow)[lang]}
        </p>
      )}
      {def.preprocessing.spacingKnown === false && (
        <p className="hint" data-testid="zoo-user-spacing">
          {U.assumedModelSpacing[lang](formatQuantity(def.preprocessing.spacingMm, 'mm', 2))}
        </p>
      )}
      {p.assumedSpacing && (
        <p className="hint">{T.assumedSpacing[lang](formatQuantity(def.preprocessing.spacingMm, 'mm', 2))}</p>
      )}
    </>
  );
}

/**
 * The run panel: choose a model and an image (sample, own file or phantom) and a crop centre; see
 * the prepared input and what the model makes of it (probabilities, mask or denoised image), with
 * the phantom's ground truth next to the prediction.
 */
export function ZooRunPanel({
  query,
  setQuery,
  def,
  model,
  run,
  lang,
  manifestSeeds,
}: {
  query: ZooQuery;
  setQuery(q: ZooQuery): void;
  def: ZooModelDef;
  model: ZooModelState;
  run: ZooRunInput;
  lang: Lang;
  manifestSeeds?: { train: number; validation: number };
}) {
  const runner = model.status === 'ready' ? model.model.runner : undefined;
  const forward = useZooForward(runner, run.input);
  const size = def.preprocessing.size;
  const phantom = run.kind === 'phantom' ? run.example : undefined;
  const prepared = run.kind === 'slice' ? run.prepared : undefined;
  const pixelMm = prepared
    ? modelPixelMm(
        prepared.scale,
        run.kind === 'slice' ? run.slice?.spacingMm : undefined,
        def.preprocessing.spacingMm,
      )
    : def.preprocessing.spacingMm;
  const current = forward.status === 'ready' && forward.input === run.input;
  const status =
    model.status !== 'ready'
      ? model.status
      : current
        ? 'ready'
        : forward.status === 'ready'
          ? 'running'
          : forward.status;
  return (
    <section
      className="zoo-section"
      aria-labelledby="zoo-run-title"
      data-testid="zoo-run"
      data-model={def.id}
      data-status={status}
      tabIndex={-1}
      id="zoo-run"
    >
      <h2 id="zoo-run-title">{T.title[lang]}</h2>
      <p>{T.intro[lang]}</p>
      <Controls query={query} setQuery={setQuery} def={def} lang={lang} />
      {def.user && def.user.savedAt !== '' && (
        <p className="hint" data-testid="zoo-user-trained">
          {U.trainedOn[lang](def.user.dataset)}
        </p>
      )}
      <div className="zoo-run__body">
        <div className="zoo-run__input">
          {run.kind === 'slice' ? (
            <SliceInput run={run} query={query} setQuery={setQuery} lang={lang} />
          ) : (
            <>
              <p className="hint" data-testid="zoo-phantom-note">
                {manifestSeeds
                  ? T.phantomNote[lang](manifestSeeds.train, manifestSeeds.validation)
                  : T.phantomNoteNoManifest[lang]}
              </p>
              {manifestSeeds && query.seed === manifestSeeds.train && (
                <p className="callout" data-testid="zoo-seen-seed">
                  {T.seenSeed[lang]}
                </p>
              )}
              {run.error && (
                <p className="widget-error" role="alert">
                  {T.phantomFailed[lang]} <span lang="en">{run.error}</span>
                </p>
              )}
            </>
          )}
          {run.input && (
            <ResultFigure
              caption={T.prepared[lang]}
              values={run.input}
              size={size}
              width={VIEW}
              label={T.preparedLabel[lang](size)}
              testId="zoo-input-canvas"
            />
          )}
          <PreparedInfo run={run} def={def} lang={lang} />
        </div>
        <div className="zoo-run__output">
          {model.status === 'loading' && <p className="widget-loading">{T.modelLoading[lang]}</p>}
          {model.status === 'error' && (
            <p className="widget-error" role="alert" data-testid="zoo-model-error">
              {model.localized ? (
                model.localized[lang]
              ) : (
                <>
                  {cardTexts.loadFailed[lang]} <span lang="en">{model.error}</span>
                </>
              )}
            </p>
          )}
          {model.status === 'ready' && (
            <>
              <RunStatus
                lang={lang}
                status={forward.status}
                {...(forward.status === 'error' ? { error: forward.error } : {})}
              />
              {forward.status === 'ready' && current && run.input && (
                <>
                  <ZooResult
                    def={def}
                    lang={lang}
                    result={forward.result}
                    input={run.input}
                    size={size}
                    pixelMm={pixelMm}
                    preprocessing={prepared?.preprocessing ?? def.preprocessing}
                    {...(phantom ? { phantom } : {})}
                  />
                  <p className="hint" data-testid="zoo-run-time" data-ms={forward.ms}>
                    {T.ran[lang](
                      formatMs(forward.ms),
                      BACKEND_NAMES[model.model.backend as BackendName] ?? model.model.backend,
                    )}
                  </p>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
