import './training.css';
import { useId, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import {
  MEDMNIST_CITATION,
  MEDMNIST_DATASETS,
  MEDMNIST_LICENCE,
  MEDMNIST_RECORD_URL,
  medMnistIdFromFileName,
} from '../../core/datasets/medMnist';
import type { DataStatus } from './trainingStoreTypes';
import { MEDMNIST_MAX_PER_SPLIT } from './trainingDefaults';
import { fill, medTexts as T } from './trainingTexts';
import { formatCount } from '../zoo/zooFormat';

/** The sets this app can train on (single-label). */
const SETS = MEDMNIST_DATASETS.filter((d) => d.supported);

/**
 * Choose a MedMNIST set, then open its .npz from disk or download it (with a progress bar). The
 * licence and citation are shown, and a note that the download is the only request to another
 * host, made only on click.
 */
export function MedMnistPicker({
  status,
  onFile,
  onDownload,
  lang,
}: {
  status: DataStatus;
  onFile(bytes: Uint8Array, datasetId: string): void;
  onDownload(datasetId: string): void;
  lang: Lang;
}) {
  const id = useId();
  const [setId, setSetId] = useState<string>(SETS[0]?.id ?? '');
  const info = SETS.find((s) => s.id === setId);
  const loading = status.status === 'loading';
  return (
    <fieldset className="field-group training-medmnist">
      <legend>{T.legend[lang]}</legend>
      <fieldset className="training-medmnist__sets" data-testid="medmnist-set">
        <legend>{T.set[lang]}</legend>
        {SETS.map((s) => (
          <label key={s.id} className="choice">
            <input
              type="radio"
              name={`${id}-set`}
              value={s.id}
              checked={setId === s.id}
              onChange={() => setSetId(s.id)}
            />
            <span>
              <span lang="en">{s.name.en}</span>: {s.modality[lang]}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="training-row">
        <p className="training-field">
          <label htmlFor={`${id}-file`}>{T.openFile[lang]}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".npz"
            data-testid="medmnist-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const fromName = medMnistIdFromFileName(file.name);
              void file.arrayBuffer().then((b) => onFile(new Uint8Array(b), fromName ?? setId));
            }}
          />
        </p>
        <p className="training-field">
          <button
            type="button"
            className="button"
            disabled={loading || !info}
            data-testid="medmnist-download"
            onClick={() => onDownload(setId)}
          >
            {T.download[lang]}
            {info && (
              <>
                {' '}
                (<span lang="en">{info.name.en}</span>)
              </>
            )}
          </button>
        </p>
      </div>
      {status.status === 'loading' && (
        <progress
          className="training-progress"
          aria-label={T.downloadProgress[lang]}
          max={1}
          {...(status.progress !== null ? { value: status.progress } : {})}
        >
          {status.progress !== null ? `${Math.round(status.progress * 100)} %` : ''}
        </progress>
      )}
      <p className="hint">{T.network[lang]}</p>
      <p className="hint">{fill(T.partial[lang], { n: formatCount(MEDMNIST_MAX_PER_SPLIT) })}</p>
      <p className="citation">
        {T.licence[lang]}: <span lang="en">{MEDMNIST_LICENCE}</span>. {T.citation[lang]}:{' '}
        <span lang="en">{MEDMNIST_CITATION}</span>{' '}
        <a href={MEDMNIST_RECORD_URL} rel="noreferrer" target="_blank" lang="en">
          {MEDMNIST_RECORD_URL}
        </a>
      </p>
    </fieldset>
  );
}
