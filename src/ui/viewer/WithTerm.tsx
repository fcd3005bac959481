/**
 * Renders `text` with its `{placeholder}` (default `{term}`) replaced by `term` in a
 * `<span lang="en">`: a technical name or a file name, not translated text.
 */
export function WithTerm({
  text,
  term,
  placeholder = 'term',
}: {
  text: string;
  term: string;
  placeholder?: string;
}) {
  const [before, after] = text.split(`{${placeholder}}`);
  return (
    <>
      {before}
      {after !== undefined && (
        <>
          <span lang="en">{term}</span>
          {after}
        </>
      )}
    </>
  );
}

/**
 * Renders `text` with each run of Latin-script words (e.g. "VR", "JPEG-LS") in a `<span lang="en">`,
 * so technical terms inside Chinese text are tagged with their language.
 */
export function MarkLatin({ text }: { text: string }) {
  const parts = text.split(/([A-Za-z][A-Za-z0-9.\-& ]*[A-Za-z0-9]|[A-Za-z])/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} lang="en">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}
