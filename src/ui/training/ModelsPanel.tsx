import './evaluation.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Lang, Localized } from '../../core/lessons/types';
import {
  validateModelName,
  type ExportedModelFiles,
  type StoredModelMeta,
} from '../../core/training/modelStore';
import { formatCount, formatPercent, formatProbability } from '../zoo/zooFormat';
import { errorText, modelsTexts as T } from './evaluationTexts';

/** Props of {@link ModelsPanel}: plain data and callbacks (the store wrapper fills them). */
export interface ModelsPanelProps {
  models: readonly StoredModelMeta[];
  lang: Lang;
  /** True when there is a current model (trained, opened or imported) to save. */
  canSave: boolean;
  onSave(name: string): Promise<void>;
  onOpen(name: string): Promise<void>;
  onExport(name: string): Promise<ExportedModelFiles>;
  onDelete(name: string): Promise<void>;
  onImport(modelJson: string, weights: ArrayBuffer): Promise<void>;
}

/** The link that opens a saved model in the zoo page. */
export function zooLink(name: string): string {
  return `#/zoo?user=${encodeURIComponent(name)}`;
}

/** The link that opens a saved model in the `cnn-architecture` lesson (its hidden `um` parameter, step 1). */
export function lessonLink(name: string): string {
  return `#/lesson/cnn-architecture?step=1&um=${encodeURIComponent(name)}`;
}

/** File names of an export: tfjs's `<name>.json` and the `<name>.weights.bin` its manifest names. */
export function exportFileNames(baseName: string): { json: string; weights: string } {
  return { json: `${baseName}.json`, weights: `${baseName}.weights.bin` };
}

interface Download {
  name: string;
  json: { url: string; file: string };
  weights: { url: string; file: string };
}

type Status = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | { kind: 'needsBoth' } | null;

const FILE_EXAMPLE = (
  <>
    <code lang="en">model.json</code> + <code lang="en">model.weights.bin</code>
  </>
);

/**
 * The models kept in this browser: save the current one under a name (checked by
 * `validateModelName`), list the saved ones (name, date, classes, validation figures, parameters)
 * with open, export (two downloads, model.json and its weights, from blob URLs), delete (after a
 * confirmation) and links to the zoo page and the cnn-architecture lesson; import a model from
 * its two files.
 */
export function ModelsPanel({
  models,
  lang,
  canSave,
  onSave,
  onOpen,
  onExport,
  onDelete,
  onImport,
}: ModelsPanelProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // Blob URLs live until replaced or the panel goes.
  useEffect(
    () => () => {
      if (download) {
        URL.revokeObjectURL(download.json.url);
        URL.revokeObjectURL(download.weights.url);
      }
    },
    [download],
  );

  const nameError: Localized | null = name === '' ? null : validateModelName(name);
  const exists = models.some((m) => m.name === name);

  const run = async (action: () => Promise<string | null>): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await action();
      if (live.current && text) setStatus({ kind: 'ok', text });
    } catch (e) {
      if (live.current) setStatus({ kind: 'error', text: errorText(e, T.failed)[lang] });
    } finally {
      if (live.current) setBusy(false);
    }
  };

  const save = (): Promise<void> =>
    run(async () => {
      await onSave(name);
      return T.saved[lang](name);
    });

  const exportModel = (model: string): Promise<void> =>
    run(async () => {
      const files = await onExport(model);
      const names = exportFileNames(files.baseName);
      setDownload({
        name: model,
        json: {
          url: URL.createObjectURL(new Blob([files.modelJson], { type: 'application/json' })),
          file: names.json,
        },
        weights: {
          url: URL.createObjectURL(new Blob([files.weights], { type: 'application/octet-stream' })),
          file: names.weights,
        },
      });
      return null;
    });

  const importFiles = (list: FileList | null): Promise<void> | undefined => {
    const files = Array.from(list ?? []);
    const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
    const bin = files.filter((f) => f.name.toLowerCase().endsWith('.bin'));
    if (files.length !== 2 || json.length !== 1 || bin.length !== 1) {
      setStatus({ kind: 'needsBoth' });
      return undefined;
    }
    return run(async () => {
      const [text, bytes] = await Promise.all([json[0]!.text(), bin[0]!.arrayBuffer()]);
      await onImport(text, bytes);
      return T.imported[lang];
    });
  };

  let message: ReactNode = null;
  if (status?.kind === 'ok') message = <p role="status">{status.text}</p>;
  else if (status?.kind === 'error')
    message = (
      <p role="alert" className="models-panel__error">
        {status.text}
      </p>
    );
  else if (status?.kind === 'needsBoth')
    message = (
      <p role="alert" className="models-panel__error">
        {T.importNeedsBoth[lang]} {FILE_EXAMPLE}
      </p>
    );

  return (
    <section className="models-panel" data-testid="models-panel" aria-busy={busy}>
      <h3>{T.title[lang]}</h3>
      <form
        className="models-panel__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave && name !== '' && !nameError) void save();
        }}
      >
        <fieldset className="eval-choice">
          <legend>{T.saveLegend[lang]}</legend>
          <label htmlFor={`${id}-name`}>{T.name[lang]}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={120}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError || exists ? `${id}-name-note` : undefined}
            data-testid="model-name"
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={!canSave || busy || name === '' || nameError !== null}
            data-testid="model-save"
          >
            {busy ? T.saving[lang] : T.save[lang]}
          </button>
          {(nameError || exists) && (
            <p
              id={`${id}-name-note`}
              className={nameError ? 'models-panel__error' : 'hint'}
              data-testid="model-name-note"
            >
              {nameError ? nameError[lang] : T.replaces[lang](name)}
            </p>
          )}
          {!canSave && <p className="hint">{T.noModel[lang]}</p>}
        </fieldset>
      </form>
      {message}
      {models.length === 0 ? (
        <p data-testid="models-empty">{T.empty[lang]}</p>
      ) : (
        <table className="models-panel__table" data-testid="models-list">
          <caption className="hint">{T.list[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">{T.name[lang]}</th>
              <th scope="col">{T.savedAt[lang]}</th>
              <th scope="col">{T.classes[lang]}</th>
              <th scope="col">{T.metrics[lang]}</th>
              <th scope="col">{T.params[lang]}</th>
              <th scope="col">{T.actions[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.name} data-testid="model-row" data-name={m.name}>
                <th scope="row">{m.name}</th>
                <td>
                  <time dateTime={m.savedAt}>
                    {new Date(m.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
                  </time>
                </td>
                <td>{m.classNames.map((c) => c[lang]).join(lang === 'zh' ? '、' : ', ')}</td>
                <td>
                  {T.metricsValue[lang](
                    formatProbability(m.metrics.auc ?? Number.NaN),
                    m.metrics.accuracy === null ? '\u2014' : formatPercent(m.metrics.accuracy),
                  )}
                </td>
                <td>{formatCount(m.params)}</td>
                <td>
                  <div className="models-panel__actions">
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={T.openLabel[lang](m.name)}
                      onClick={() =>
                        void run(async () => {
                          await onOpen(m.name);
                          return T.opened[lang](m.name);
                        })
                      }
                    >
                      {T.open[lang]}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={T.exportLabel[lang](m.name)}
                      data-testid="model-export"
                      onClick={() => void exportModel(m.name)}
                    >
                      {T.export[lang]}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={busy}
                      aria-label={T.deleteLabel[lang](m.name)}
                      data-testid="model-delete"
                      onClick={() => setConfirming(m.name)}
                    >
                      {T.delete[lang]}
                    </button>
                    <a href={zooLink(m.name)}>{T.openZoo[lang]}</a>
                    <a href={lessonLink(m.name)}>{T.openLesson[lang]}</a>
                  </div>
                  {confirming === m.name && (
                    <div role="group" aria-label={T.deleteLabel[lang](m.name)} data-testid="model-confirm">
                      <p>{T.confirmDelete[lang](m.name)}</p>
                      <button
                        type="button"
                        className="button button--primary"
                        data-testid="model-confirm-delete"
                        onClick={() => {
                          setConfirming(null);
                          void run(async () => {
                            await onDelete(m.name);
                            return T.deleted[lang](m.name);
                          });
                        }}
                      >
                        {T.confirm[lang]}
                      </button>{' '}
                      <button type="button" className="button" onClick={() => setConfirming(null)}>
                        {T.cancel[lang]}
                      </button>
                    </div>
                  )}
                  {download?.name === m.name && (
                    <p data-testid="model-downloads">
                      {T.exportReady[lang]}{' '}
                      <a href={download.json.url} download={download.json.file} lang="en">
                        {download.json.file}
                      </a>{' '}
                      <a href={download.weights.url} download={download.weights.file} lang="en">
                        {download.weights.file}
                      </a>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset className="eval-choice">
        <legend>{T.importLegend[lang]}</legend>
        <label htmlFor={`${id}-import`}>
          {T.importLabel[lang]}
          {lang === 'zh' ? '（' : ' ('}
          {FILE_EXAMPLE}
          {lang === 'zh' ? '）' : ')'}
        </label>
        <input
          id={`${id}-import`}
          type="file"
          multiple
          accept=".json,.bin"
          disabled={busy}
          data-testid="model-import"
          onChange={(e) => {
            void importFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </fieldset>
    </section>
  );
}
