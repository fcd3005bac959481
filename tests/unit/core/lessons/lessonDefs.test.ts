import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../../../src/core/lessons/lessonIds';
import { gradeAnswer } from '../../../../src/core/lessons/gradeQuiz';
import { coerceParam } from '../../../../src/core/lessons/lessonState';
import { convLayerParams } from '../../../../src/core/models/smallCnn';
import {
  ADRENAL_ROI_HU,
  CLASSIC_FEATURES,
  SMALL_CNN_FIRST_LAYER,
} from '../../../../src/lessons/ai-ml-dl/aiMlDlData';
import { aiMlDl } from '../../../../src/lessons/ai-ml-dl/aiMlDl';
import { catalogue } from '../../../../src/lessons/catalogue';
import {
  getLoadedLesson,
  lessonLoaders,
  lessonMetas,
  loadAllLessons,
  loadLesson,
} from '../../../../src/lessons/lessonRegistry';
import { lessonQuestionIds } from '../../../../src/core/lessons/progress';
import { widgetRegistry } from '../../../../src/lessons/widgetRegistry';

const lessonRegistry = await loadAllLessons();
const lessons = Object.values(lessonRegistry).filter((l) => l !== undefined);

describe('lesson definitions', () => {
  it('the catalogue lists the twelve DESIGN.md lessons in order; the eight built ones are available', () => {
    expect(catalogue.map((e) => e.id)).toEqual([...LESSON_IDS]);
    expect(catalogue.filter((e) => e.status === 'available').map((e) => e.id)).toEqual([
      'radiology-images',
      'ai-ml-dl',
      'neurons',
      'convolution',
      'activation-pooling',
      'cnn-architecture',
      'backprop-sgd',
      'train-classifier',
    ]);
    for (const e of catalogue) expect(e.minutes).toBeGreaterThan(0);
  });

  it('every built lesson has a meta whose step count and quiz ids match the lesson', () => {
    expect(Object.keys(lessonMetas)).toEqual(Object.keys(lessonLoaders));
    expect(lessons.map((l) => l.id)).toEqual(Object.keys(lessonLoaders));
    for (const lesson of lessons) {
      const meta = lessonMetas[lesson.id as keyof typeof lessonMetas];
      expect(meta?.id).toBe(lesson.id);
      expect(meta?.stepCount).toBe(lesson.steps.length);
      expect(meta?.questionIds).toEqual(lessonQuestionIds(lesson));
      expect(lesson.title).toBe(meta?.title);
      expect(lesson.summary).toBe(meta?.summary);
      expect(lesson.minutes).toBe(meta?.minutes);
    }
  });

  it('loads a lesson once and keeps it; an unknown or unbuilt id gives undefined', async () => {
    const lesson = await loadLesson('ai-ml-dl');
    expect(lesson).toBe(aiMlDl);
    expect(await loadLesson('ai-ml-dl')).toBe(lesson);
    expect(getLoadedLesson('ai-ml-dl')).toBe(lesson);
    expect(await loadLesson('transfer-learning')).toBeUndefined();
    expect(await loadLesson('constructor')).toBeUndefined();
    expect(getLoadedLesson('constructor')).toBeUndefined();
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s is well-formed', (_id, lesson) => {
    expect(LESSON_IDS).toContain(lesson.id);
    expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
    const questionIds = lesson.steps.flatMap((s) => s.quiz?.questions.map((q) => q.id) ?? []);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const step of lesson.steps) {
      expect(Object.keys(widgetRegistry)).toContain(step.widget);
      expect(new Set(step.params.map((p) => p.id)).size).toBe(step.params.length);
      for (const p of step.params) {
        expect(p.id).not.toBe('step');
        expect(coerceParam(p, String(p.default))).toBe(p.default);
      }
      for (const q of step.quiz?.questions ?? []) {
        if (q.kind === 'choice') expect(q.options.map((o) => o.id)).toContain(q.correct);
        else expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
      }
    }
  });

  it('ai-ml-dl has ~5 steps and a quiz of ≥3 questions, mixing choice and numeric', () => {
    expect(aiMlDl.steps.length).toBe(5);
    const qs = aiMlDl.steps.flatMap((s) => s.quiz?.questions ?? []);
    expect(qs.length).toBeGreaterThanOrEqual(3);
    expect(qs.some((q) => q.kind === 'choice')).toBe(true);
    expect(qs.some((q) => q.kind === 'numeric' && q.tolerance > 0)).toBe(true);
  });

  it('ai-ml-dl numbers are computed from its data', () => {
    const qs = aiMlDl.steps.flatMap((s) => s.quiz?.questions ?? []);
    const lr = qs.find((q) => q.id === 'lr-params');
    const roi = qs.find((q) => q.id === 'roi-mean');
    expect(lr?.kind === 'numeric' && lr.answer).toBe(CLASSIC_FEATURES.length + 1);
    expect(roi?.kind === 'numeric' && roi.answer).toBeCloseTo(
      ADRENAL_ROI_HU.reduce((a, b) => a + b, 0) / ADRENAL_ROI_HU.length,
      12,
    );
    const step2 = aiMlDl.steps[1]!;
    for (const f of CLASSIC_FEATURES) {
      expect(step2.body.en).toContain(f.en);
      expect(step2.body.zh).toContain(f.zh);
    }
    const { filters, kernel, channels } = SMALL_CNN_FIRST_LAYER;
    expect(aiMlDl.steps[2]!.body.en).toContain(`= ${convLayerParams(filters, kernel, channels)} parameters`);
    expect(convLayerParams(16, 3, 1)).toBe(160);
    // The AUC question: positives 0.9, 0.6 against negatives 0.6, 0.6, 0.2 → 0.9 wins 3 pairs,
    // 0.6 ties twice (2 × ½) and wins once: 5 of 6 pairs.
    const auc = qs.find((q) => q.id === 'auc-ties');
    expect(auc?.kind === 'numeric' && auc.answer).toBeCloseTo(5 / 6, 12);
  });
});
