import katex from 'katex';
import { useMemo } from 'react';

/**
 * A formula typeset by KaTeX as MathML, which the browser lays out natively and screen readers
 * read: no style sheet and no web fonts to load (the app's content security policy allows fonts
 * from its own origin only, and a bundler would inline KaTeX's smallest fonts as data: URLs). The TeX
 * is built by this lesson from computed numbers, never from user input; errors are shown, not thrown.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'mathml' }),
    [tex, display],
  );
  return display ? (
    <div className="tex tex--display" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
