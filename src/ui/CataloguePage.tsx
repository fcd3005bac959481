import { summarizeProgress, lessonProgress, type ProgressState } from '../core/lessons/progress';
import type { TFunction } from '../i18n/useT';
import { useLang, useT } from '../i18n/useT';
import { catalogue, type CatalogueEntry } from '../lessons/catalogue';
import { useProgress } from './progressStore';
import { usePageTitle } from './usePageTitle';

/** "2 of 5 steps · quiz 1/2", or "Not started". */
export function progressText(t: TFunction, entry: CatalogueEntry, progress: ProgressState): string {
  if (!entry.meta) return '';
  const s = summarizeProgress(lessonProgress(progress, entry.id), entry.meta);
  if (s.visitedSteps === 0 && s.quizAnswered === 0) return t('catalogue.notStarted');
  const steps = t('catalogue.progressSteps', { visited: s.visitedSteps, total: s.totalSteps });
  if (s.quizTotal === 0) return steps;
  return `${steps} · ${t('catalogue.progressQuiz', { correct: s.quizCorrect, total: s.quizTotal })}`;
}

/** The home page: all twelve lessons as cards, with status, time and progress. */
export function CataloguePage() {
  const t = useT();
  const lang = useLang();
  const progress = useProgress();
  usePageTitle(t('catalogue.title'));
  return (
    <div className="page">
      <h1 tabIndex={-1}>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      <ol className="card-grid" aria-label={t('catalogue.listLabel')} data-testid="lesson-catalogue">
        {catalogue.map((entry, i) => {
          const available = entry.status === 'available';
          const headingId = `lesson-card-title-${entry.id}`;
          return (
            <li
              key={entry.id}
              className={`card card--${entry.status}`}
              data-testid={`lesson-card-${entry.id}`}
              data-status={entry.status}
            >
              <p className="card__eyebrow">{t('catalogue.lessonNumber', { n: i + 1 })}</p>
              <h2 className="card__title" id={headingId}>
                {available ? (
                  <a href={`#/lesson/${entry.id}`} data-testid={`lesson-link-${entry.id}`}>
                    {entry.title[lang]}
                  </a>
                ) : (
                  entry.title[lang]
                )}
              </h2>
              <p className="card__summary">{entry.summary[lang]}</p>
              <p className="card__meta">
                <span className={`badge badge--${entry.status}`} data-testid="lesson-status">
                  {t(available ? 'catalogue.status.available' : 'catalogue.status.coming')}
                </span>
                <span className="card__minutes">{t('catalogue.minutes', { minutes: entry.minutes })}</span>
              </p>
              {available && (
                <p className="card__progress" data-testid="lesson-progress">
                  {progressText(t, entry, progress)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
