/** Text with line numbers. */

/** Lines shown at most. */
const MAX_LINES = 500;

/** The first lines of a text file, numbered. */
export function TextPreview({ text, complete }: { text: string; complete: boolean }) {
  const lines = text.split(/\r?\n/);
  if (!complete && lines.length > 1) lines.pop();
  if (complete && lines.at(-1) === '') lines.pop();
  const shown = lines.slice(0, MAX_LINES);
  const cut = lines.length > shown.length || !complete;
  return (
    <div className="preview-text">
      <pre className="numbered">
        {shown.map((line, index) => (
          <span key={index} className="numbered-line">
            <span className="line-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="line-text">{line || ' '}</span>
          </span>
        ))}
      </pre>
      {cut ? <p className="muted small">The first {shown.length} lines; the file goes on.</p> : null}
    </div>
  );
}
