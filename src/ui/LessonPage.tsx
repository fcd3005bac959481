import { memo, useCallback, useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { lessonProgress } from '../core/lessons/progress';
import {
  carriedParams,
  defaultParams,
  serializeLessonHash,
  stateFromQuery,
} from '../core/lessons/lessonState';
import type { Lang, LessonDef } from '../core/lessons/types';
import { useLang, useT } from '../i18n/useT';
import { getCatalogueEntry } from '../lessons/catalogue';
import { getLessonMeta, isBuiltLesson } from '../lessons/lessonRegistry';
import { getWidget, renderWidget } from '../lessons/widgetRegistry';
import { ParamControls } from './ParamControls';
import { getProgressStore, useProgress } from './progressStore';
import { QuizView } from './QuizView';
import { parseHash } from '../core/lessons/route';
import { navigate } from './router';
import { useSettingsStore } from './settingsStore';
import { NotFoundPage } from './StaticPages';
import { useArrowKeys } from './useArrowKeys';
import { useLesson } from './useLesson';
import { usePageTitle } from './usePageTitle';

/**
 * `#/lesson/<id>`: the lesson view (its chunk loaded on demand), a "coming soon" page, or not-found
 * for an unknown id.
 */
export function LessonRoute({
  lessonId,
  query,
}: {
  lessonId: string;
  query: Readonly<Record<string, string>>;
}) {
  if (isBuiltLesson(lessonId)) return <BuiltLessonRoute key={lessonId} lessonId={lessonId} query={query} />;
  if (getCatalogueEntry(lessonId)) return <ComingSoon lessonId={lessonId} />;
  return <NotFoundPage path={`/lesson/${lessonId}`} lessonId={lessonId} />;
}

/** A built lesson: a loading line while its chunk arrives, an error with a retry, then the lesson. */
function BuiltLessonRoute({
  lessonId,
  query,
}: {
  lessonId: string;
  query: Readonly<Record<string, string>>;
}) {
  const t = useT();
  const lang = useLang();
  const { state, retry } = useLesson(lessonId);
  const title = getLessonMeta(lessonId)?.title[lang] ?? lessonId;
  // When the placeholder's heading had focus (the app moves it there on navigation) and nothing
  // else took it since, hand it on to the lesson's heading once the lesson replaces the placeholder.
  const headingHadFocus = useRef(false);
  useEffect(() => {
    if (state.status !== 'ready' || !headingHadFocus.current) return;
    headingHadFocus.current = false;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    document.querySelector<HTMLElement>('[data-testid="lesson-page"] h1')?.focus();
  }, [state.status]);

  if (state.status === 'ready') return <LessonView lesson={state.lesson} query={query} />;
  return (
    <LessonPlaceholder title={title} onHeadingFocus={() => (headingHadFocus.current = true)}>
      {state.status === 'loading' ? (
        <p role="status" data-testid="lesson-loading">
          {t('lesson.loading')}
        </p>
      ) : (
        <div role="alert" data-testid="lesson-load-error">
          <p className="callout">{t('lesson.loadError')}</p>
          <p>
            <button type="button" className="button button--primary" onClick={retry}>
              {t('lesson.retry')}
            </button>
          </p>
        </div>
      )}
    </LessonPlaceholder>
  );
}

function LessonPlaceholder({
  title,
  onHeadingFocus,
  children,
}: {
  title: string;
  onHeadingFocus: () => void;
  children: ReactNode;
}) {
  const t = useT();
  usePageTitle(title);
  return (
    <div className="page lesson" data-testid="lesson-placeholder">
      <p className="breadcrumb">
        <a href="#/">{t('lesson.backToCatalogue')}</a>
      </p>
      <h1 tabIndex={-1} onFocus={onHeadingFocus}>
        {title}
      </h1>
      {children}
    </div>
  );
}

function ComingSoon({ lessonId }: { lessonId: string }) {
  const t = useT();
  const lang = useLang();
  const entry = getCatalogueEntry(lessonId);
  const title = entry?.title[lang] ?? lessonId;
  usePageTitle(title);
  return (
    <div className="page page--narrow" data-testid="lesson-coming">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="callout">{t('lesson.comingTitle')}</p>
      <p>{t('lesson.comingBody', { title })}</p>
      <p>
        <a href="#/">{t('lesson.backToCatalogue')}</a>
      </p>
    </div>
  );
}

/** The lesson itself: step list, current step (widget, parameters, quiz, notes), prev/next. */
export function LessonView({
  lesson,
  query,
}: {
  lesson: LessonDef;
  query: Readonly<Record<string, string>>;
}) {
  const t = useT();
  const lang = useLang();
  const showNotes = useSettingsStore((s) => s.showNotes);
  const progress = useProgress();
  const state = stateFromQuery(lesson, query);
  const step = lesson.steps[state.step];
  const total = lesson.steps.length;
  const canonical = serializeLessonHash(lesson, state);
  usePageTitle(`${lesson.title[lang]} · ${t('lesson.stepOf', { n: state.step + 1, total })}`);

  // Clamp/clean the URL in place so that a copied link always names the state on screen. Read the
  // live hash: if the user has meanwhile left this lesson (back button, typed link), leave it alone.
  useEffect(() => {
    const live = window.location.hash;
    const route = parseHash(live);
    if (route.page === 'lesson' && route.lessonId === lesson.id && live !== canonical) {
      navigate(canonical, { replace: true });
    }
  }, [lesson.id, canonical, query]);

  useEffect(() => {
    getProgressStore().markVisited(lesson.id, state.step);
  }, [lesson.id, state.step]);

  // Moving to another step carries the parameters the two steps share (carriedParams). Reads the
  // live URL, like setParam, so it is stable: the memoised step list keeps it.
  const openStep = useCallback(
    (i: number): void => {
      const live = parseHash(window.location.hash);
      if (live.page !== 'lesson' || live.lessonId !== lesson.id) return;
      const current = stateFromQuery(lesson, live.query);
      if (i < 0 || i >= lesson.steps.length || i === current.step) return;
      const params = carriedParams(lesson.steps[current.step], current.params, lesson.steps[i]);
      navigate(serializeLessonHash(lesson, { step: i, params }));
    },
    [lesson],
  );
  const goTo = openStep;
  // A plain click on a step link carries the shared parameters too; a modified click (new tab)
  // opens the link's own URL, the step with its defaults.
  const onStepLink = useCallback(
    (i: number, e: MouseEvent<HTMLAnchorElement>): void => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      openStep(i);
    },
    [openStep],
  );
  // Several calls in one event (a widget setting centre and width) must all land: start from the
  // live URL, not from this render's state. Stable across renders, so that memoised controls keep
  // it; a call after the learner has left this lesson (a late result) changes nothing.
  const setParam = useCallback(
    (id: string, value: number | string): void => {
      const live = parseHash(window.location.hash);
      if (live.page !== 'lesson' || live.lessonId !== lesson.id) return;
      const current = stateFromQuery(lesson, live.query);
      navigate(
        serializeLessonHash(lesson, { step: current.step, params: { ...current.params, [id]: value } }),
        { replace: true },
      );
    },
    [lesson],
  );
  useArrowKeys(
    () => goTo(state.step - 1),
    () => goTo(state.step + 1),
  );

  if (!step) return null;
  const hasWidget = getWidget(step.widget) !== undefined;
  const visited = lessonProgress(progress, lesson.id).visited;
  const isFirst = state.step === 0;
  const isLast = state.step === total - 1;

  return (
    <div className="page lesson" data-testid="lesson-page" data-lesson={lesson.id} data-step={state.step + 1}>
      <p className="breadcrumb">
        <a href="#/">{t('lesson.backToCatalogue')}</a>
      </p>
      <h1 tabIndex={-1}>{lesson.title[lang]}</h1>
      <div className="lesson__layout">
        <StepList lesson={lesson} current={state.step} visited={visited} lang={lang} onOpen={onStepLink} />
        <article className="step" data-testid="lesson-step" aria-labelledby="step-title">
          <p className="step__counter" aria-live="polite" data-testid="step-indicator">
            {t('lesson.stepOf', { n: state.step + 1, total })}
          </p>
          <h2 id="step-title">{step.title[lang]}</h2>
          {hasWidget ? (
            renderWidget(step.widget, { lesson, step, params: state.params, lang, setParam })
          ) : (
            <p className="callout">{t('lesson.missingWidget')}</p>
          )}
          <ParamControls params={step.params} values={state.params} lang={lang} onChange={setParam} />
          {step.quiz && <QuizView key={step.id} lessonId={lesson.id} quiz={step.quiz} lang={lang} />}
          {showNotes && (
            <aside className="notes" aria-labelledby="notes-title" data-testid="instructor-notes">
              <h3 id="notes-title">{t('lesson.notes')}</h3>
              <p>{step.notes[lang]}</p>
            </aside>
          )}
          {isLast && <p className="hint">{t('lesson.end')}</p>}
          <div className="step-nav">
            <button
              type="button"
              className="button"
              aria-disabled={isFirst}
              data-testid="step-prev"
              onClick={() => goTo(state.step - 1)}
            >
              <span aria-hidden="true">← </span>
              {t('lesson.prev')}
            </button>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={isLast}
              data-testid="step-next"
              onClick={() => goTo(state.step + 1)}
            >
              {t('lesson.next')}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
          <p className="hint">{t('lesson.keyboardHint')}</p>
        </article>
      </div>
    </div>
  );
}

/** The lesson's steps as links, the current one marked; memoised (parameter changes leave it alone). */
const StepList = memo(function StepList({
  lesson,
  current,
  visited,
  lang,
  onOpen,
}: {
  lesson: LessonDef;
  current: number;
  visited: readonly number[];
  lang: Lang;
  /** A click on step i's link (the page carries the shared parameters). */
  onOpen(i: number, e: MouseEvent<HTMLAnchorElement>): void;
}) {
  const t = useT();
  return (
    <nav className="step-list" aria-label={t('lesson.stepsLabel')}>
      <ol>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <a
              href={serializeLessonHash(lesson, { step: i, params: defaultParams(s) })}
              aria-current={i === current ? 'step' : undefined}
              className={visited.includes(i) ? 'is-visited' : undefined}
              data-testid={`step-link-${i + 1}`}
              onClick={(e) => onOpen(i, e)}
            >
              <span className="step-list__n">{i + 1}</span> {s.title[lang]}
              {i === current ? (
                <span className="visually-hidden"> {t('lesson.current')}</span>
              ) : visited.includes(i) ? (
                <span className="visually-hidden"> {t('lesson.visited')}</span>
              ) : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
});
