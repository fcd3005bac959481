import type { Lang } from '../../core/lessons/types';
import { USER_MODEL_PARAM, userLessonHref } from './cnnArchitectureParams';
import { featureStepTexts, gradCamStepTexts, inputStepTexts, layerStepTexts } from './cnnArchitectureTexts';
import { userModelTexts as U } from './userModelTexts';

/** The steps that take a model, in order (1-based step = index + 1). */
const MODEL_STEPS = [inputStepTexts, layerStepTexts, featureStepTexts, gradCamStepTexts];

/**
 * While the learner's own model is open: links that open it in each step (the lesson's own step
 * navigation also keeps it, since the `um` parameter is carried; these name the steps that take a
 * model), and, when a phantom was asked for, why the
 * gallery's slice is shown instead; a button closes it (the `model` choice applies again).
 * Nothing for a zoo model.
 */
export function UserModelNotes({
  userName,
  phantomUnavailable,
  current,
  lang,
  setParam,
}: {
  userName: string | undefined;
  phantomUnavailable: boolean;
  /** The step shown (1-based). */
  current: number;
  lang: Lang;
  setParam(id: string, value: string): void;
}) {
  if (userName === undefined) return null;
  return (
    <>
      {phantomUnavailable && (
        <p className="callout" data-testid="cnn-user-no-phantom">
          {U.noPhantom[lang]}
        </p>
      )}
      <p className="hint" data-testid="cnn-user-open">
        {U.overrides[lang]}{' '}
        <button
          type="button"
          className="button button--quiet"
          data-testid="cnn-user-close"
          onClick={() => setParam(USER_MODEL_PARAM.id, '')}
        >
          {U.close[lang]}
        </button>
      </p>
      <nav aria-label={U.stepsLabel[lang]} className="cnn-user-steps" data-testid="cnn-user-steps">
        <ul>
          {MODEL_STEPS.map((s, i) => (
            <li key={i}>
              <a
                href={userLessonHref(userName, i + 1)}
                aria-current={i + 1 === current ? 'step' : undefined}
                data-testid={`cnn-user-step-${i + 1}`}
              >
                {U.stepLink[lang](i + 1, s.title[lang])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
