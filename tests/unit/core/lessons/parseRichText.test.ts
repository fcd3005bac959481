import { describe, expect, it } from 'vitest';
import { parseInline, parseRichText } from '../../../../src/core/lessons/parseRichText';

describe('parseRichText', () => {
  it('splits paragraphs and bullet lists', () => {
    const blocks = parseRichText(
      'First line\ncontinues.\n\n- one\n- **two** items\n* three\nAfter list\n\n\n',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'First line continues.', strong: false }] },
      {
        type: 'list',
        items: [
          [{ text: 'one', strong: false }],
          [
            { text: 'two', strong: true },
            { text: ' items', strong: false },
          ],
          [{ text: 'three', strong: false }],
        ],
      },
      { type: 'paragraph', runs: [{ text: 'After list', strong: false }] },
    ]);
  });

  it('keeps markup-looking text as plain text and unmatched ** literally', () => {
    expect(parseRichText('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', runs: [{ text: '<img src=x onerror=alert(1)>', strong: false }] },
    ]);
    expect(parseInline('a ** b')).toEqual([{ text: 'a ** b', strong: false }]);
    expect(parseRichText('')).toEqual([]);
    expect(parseRichText('**Bold start** rest')[0]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Bold start', strong: true },
        { text: ' rest', strong: false },
      ],
    });
  });
});
