/**
 * The rules for Simplified Chinese text, in one place for every test that checks texts or rendered
 * pages: no Latin words other than the allowed names (tests/unit/i18n/allowedLatin.ts, the same
 * list as tests/e2e/lessonState.e2e.mjs), full-width punctuation next to Chinese characters, and
 * the same `{placeholders}` in both languages.
 */
import { expect } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { ALLOWED_IMAGING_NAMES, ALLOWED_LATIN } from '../i18n/allowedLatin';

/** True when `v` is an `{ en, zh }` pair and nothing else. */
export function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && 'en' in v && 'zh' in v && Object.keys(v).length === 2;
}

/** Every `{ en, zh }` inside a value (objects and arrays walked in depth), with its path. */
export function collectLocalized(
  value: unknown,
  path: string,
  out: [string, Localized][] = [],
): [string, Localized][] {
  if (isLocalized(value)) out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => collectLocalized(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) collectLocalized(v, `${path}.${k}`, out);
  }
  return out;
}

/** The `{name}` placeholders of a text, sorted: both languages of a text must have the same. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** True when `text` holds a Chinese (CJK unified) character. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** The words of `text`: runs of two or more Latin letters. */
export function latinWords(text: string): string[] {
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

/** The words among `words` that are not on the list of Latin words allowed in Chinese text. */
export function disallowedLatin(words: readonly string[]): string[] {
  return words.filter((w) => !ALLOWED_LATIN.test(w));
}

/** The Latin words of a Chinese text (its `{placeholder}` names left out) that are not allowed. */
export function strayLatin(text: string): string[] {
  return disallowedLatin(latinWords(text.replace(/\{\w+\}/g, '')));
}

/**
 * An ASCII , : ; ? ! or ( next to a Chinese character, each occurrence with its neighbour: Chinese
 * text uses the full-width forms (U+FF0C ，, U+FF1A ：, U+FF08 （ …). A ")" counts only with
 * `closingBracket`: lesson texts hold formulas whose bracket may close after a Chinese subscript
 * (µ_水), while messages and sample descriptions are prose.
 */
export function halfWidthPunctuation(text: string, closingBracket = false): string[] {
  const found = closingBracket
    ? text.match(/[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/g)
    : text.match(/[\u4e00-\u9fff][,:;?!(]|[,:;?!(][\u4e00-\u9fff]/g);
  return found ?? [];
}

/** Fails the test, naming `where`, when Chinese text has stray Latin words or half-width punctuation. */
export function expectChineseRules(zh: string, where = ''): void {
  expect(strayLatin(zh), where).toEqual([]);
  expect(halfWidthPunctuation(zh), where).toEqual([]);
}

/**
 * Latin words in the text of a rendered page outside `[lang="en"]` (and outside scripts and styles),
 * and in its labels, titles, role descriptions and placeholders, that are not on the allowed list
 * (as the e2e test checks on the real page). Each word once.
 */
export function strayLatinInPage(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('[lang="en"], script, style')) continue;
    out.push(...latinWords(n.textContent ?? ''));
  }
  const attrs = ['aria-label', 'title', 'aria-roledescription', 'placeholder'];
  for (const el of root.querySelectorAll(attrs.map((a) => `[${a}]`).join(', '))) {
    for (const attr of attrs) out.push(...latinWords(el.getAttribute(attr) ?? ''));
  }
  return [...new Set(disallowedLatin(out))];
}

/**
 * Checks a Chinese error message of the imaging module: non-empty, full-width punctuation next to
 * Chinese characters, no sentence ended with "." after a Chinese character, a final "。", and no
 * Latin word (letters, digits, `_` and `-`; DICOM tags such as 7FE0,0010 left out) other than the
 * names in `ALLOWED_IMAGING_NAMES`.
 */
export function expectGoodChineseMessage(zh: string): void {
  expect(zh.length).toBeGreaterThan(0);
  expect(zh.endsWith('。'), `ends with 。: ${zh}`).toBe(true);
  expect(halfWidthPunctuation(zh, true), `half-width punctuation: ${zh}`).toEqual([]);
  expect(/[\u4e00-\u9fff]\./.test(zh), `half-width full stop: ${zh}`).toBe(false);
  const words = zh.replace(/[0-9A-F]{4},[0-9A-F]{4}/g, '').match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? [];
  for (const word of words) {
    const parts = word.split(/[_-]/).filter((p) => p !== '' && !/^\d+$/.test(p));
    for (const part of parts)
      expect(ALLOWED_IMAGING_NAMES.test(part), `stray English word "${part}" in: ${zh}`).toBe(true);
  }
}

/**
 * Checks one `{ en, zh }` text of a lesson or widget: non-empty in both languages, the same
 * `{placeholders}`, no stray Latin word and full-width punctuation in Chinese, and Chinese
 * characters in any Chinese text whose English is a real phrase (a word of 4+ letters, 13+ characters).
 */
export function expectGoodLocalized(path: string, text: Localized): void {
  expect(text.en.trim(), `${path} (en) is empty`).not.toBe('');
  expect(text.zh.trim(), `${path} (zh) is empty`).not.toBe('');
  expect(placeholders(text.zh), `${path}: placeholders`).toEqual(placeholders(text.en));
  expect(strayLatin(text.zh), `${path}: stray English`).toEqual([]);
  expect(halfWidthPunctuation(text.zh), `${path}: half-width punctuation`).toEqual([]);
  if (/[A-Za-z]{4,}/.test(text.en) && text.en.length > 12)
    expect(hasChinese(text.zh), `${path} has no Chinese characters`).toBe(true);
}
