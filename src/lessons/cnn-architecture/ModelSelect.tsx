import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import { ZOO_MODELS } from '../../core/models/zooCatalog';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { MODEL_PARAM, USER_MODEL_PARAM } from './cnnArchitectureParams';
import { inputTexts as T } from './inputWidgetTexts';
import { userModelTexts as U } from './userModelTexts';

/**
 * The zoo model select of the `cnn-architecture` widgets (the `model` parameter, hidden from the
 * generic controls on the steps that show this), with the chosen architecture's idea under it.
 * While the learner's own model (`um`) is open it is an extra option; choosing a zoo model closes it.
 */
export function ModelSelect({
  def,
  lang,
  setParam,
}: {
  def: ZooModelDef;
  lang: Lang;
  setParam(id: string, value: string): void;
}) {
  const id = useId();
  return (
    <div className="cnn-model-select">
      <label htmlFor={id}>{T.model[lang]}</label>{' '}
      <select
        id={id}
        value={def.id}
        data-testid="cnn-model-select"
        onChange={(e) => {
          if (e.target.value === def.id) return;
          if (def.user) setParam(USER_MODEL_PARAM.id, '');
          setParam(MODEL_PARAM.id, e.target.value);
        }}
      >
        {def.user && (
          <option value={def.id} data-testid="cnn-user-option">
            {U.optionLabel[lang](def.user.name)}
          </option>
        )}
        {ZOO_MODELS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[lang]}
          </option>
        ))}
      </select>
      <p className="hint cnn-model-select__idea">{def.idea[lang]}</p>
    </div>
  );
}
