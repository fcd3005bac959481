/**
 * Every text of the train-classifier lesson (the lesson with its steps, notes and quiz, the meta and
 * the widgets' strings) in both languages: non-empty, the same placeholders, Chinese without stray
 * English words and with full-width punctuation. Also the lesson's shape: nine steps with stable
 * ids and widgets, notes on every step, the quiz last, and the numbers the texts compute.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { LESSON_IDS } from '../../../src/core/lessons/lessonIds';
import { trainClassifier } from '../../../src/lessons/train-classifier/trainClassifier';
import { trainClassifierMeta } from '../../../src/lessons/train-classifier/trainClassifierMeta';
import * as stepTexts from '../../../src/lessons/train-classifier/trainClassifierTexts';
import * as widgetTexts from '../../../src/lessons/train-classifier/trainClassifierWidgetTexts';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

const strings = (v: unknown, name: string): [string, Localized][] =>
  collectLocalized(v, name).filter(([, t]) => typeof t.en === 'string' && typeof t.zh === 'string');

const all: [string, Localized][] = [
  ...strings(trainClassifier, 'lesson'),
  ...strings(trainClassifierMeta, 'meta'),
  ...strings(stepTexts, 'steps'),
  ...strings(widgetTexts, 'widgets'),
];

describe('train-classifier texts', () => {
  it('finds the texts', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all)('%s follows the text rules in both languages', expectGoodLocalized);

  it('is lesson 8 of DESIGN.md with nine steps whose ids and widgets are stable, the quiz last', () => {
    expect(LESSON_IDS.indexOf('train-classifier')).toBe(7);
    expect(trainClassifier.steps.map((s) => s.id)).toEqual([
      'dataset',
      'setup',
      'train',
      'evaluate',
      'overfitting',
      'augmentation',
      'imbalance',
      'models',
      'quiz',
    ]);
    expect(trainClassifier.steps.map((s) => s.widget)).toEqual([
      'train-data',
      'train-setup',
      'train-run',
      'train-evaluate',
      'train-overfit',
      'train-augment',
      'train-imbalance',
      'train-models',
      'text',
    ]);
    for (const s of trainClassifier.steps) expect(s.notes.en.length, s.id).toBeGreaterThan(100);
    expect(trainClassifier.steps.at(-1)?.quiz?.questions.length).toBe(trainClassifierMeta.questionIds.length);
  });

  it('computes the numbers of its texts: ln 2 for a guess, the default split and count', () => {
    expect(stepTexts.CHANCE_LOSS).toBeCloseTo(0.693147, 6);
    expect(stepTexts.trainTexts.body.en).toContain('and 0.693 (= ln 2)');
    expect(stepTexts.datasetTexts.body.en).toContain('by default 70 / 15 / 15');
    expect(stepTexts.datasetTexts.notes.en).toContain('600 images');
    const quiz = stepTexts.quizTexts(8, 0.9, 0.9);
    expect(quiz.notes.en).toContain('90 % sensitivity and 90 % specificity');
    expect(quiz.body.zh).toContain('共 8 道');
  });
});
