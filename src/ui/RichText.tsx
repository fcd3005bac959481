import { memo } from 'react';
import { parseRichText, type InlineRun } from '../core/lessons/parseRichText';

function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return (
    <>{runs.map((r, i) => (r.strong ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}</>
  );
}

/**
 * Renders markdown-ish lesson text as React elements (never as HTML): paragraphs, bullets, bold.
 * Memoised: a widget re-rendering on every parameter change does not parse its text again.
 */
export const RichText = memo(function RichText({ text }: { text: string }) {
  const blocks = parseRichText(text);
  return (
    <div className="rich-text">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <p key={i}>
            <Runs runs={b.runs} />
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
});
