/**
 * A deliberately tiny "markdown-ish" parser for lesson texts. It returns plain data that a view
 * renders as elements, so lesson text can never inject markup (no HTML is ever interpreted).
 *
 * Supported: paragraphs separated by blank lines; lines starting with `- ` or `* ` form a bullet
 * list; `**bold**` inside a line. Consecutive non-bullet lines join into one paragraph.
 */

/** A run of inline text, optionally bold. */
export interface InlineRun {
  text: string;
  strong: boolean;
}

/** A block of rich text. */
export type RichBlock = { type: 'paragraph'; runs: InlineRun[] } | { type: 'list'; items: InlineRun[][] };

/** Splits a line on `**` pairs; an unmatched `**` stays literal. */
export function parseInline(line: string): InlineRun[] {
  const parts = line.split('**');
  if (parts.length % 2 === 0) return line === '' ? [] : [{ text: line, strong: false }];
  return parts.map((text, i) => ({ text, strong: i % 2 === 1 })).filter((r) => r.text !== '');
}

/** Parses a whole text into blocks. */
export function parseRichText(text: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let paragraph: string[] = [];
  let list: InlineRun[][] | null = null;
  const flushParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', runs: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = (): void => {
    if (list !== null && list.length > 0) blocks.push({ type: 'list', items: list });
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (bullet) {
      flushParagraph();
      list ??= [];
      list.push(parseInline(bullet[1] ?? ''));
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
