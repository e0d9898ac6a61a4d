/** JSON as a collapsible tree. */
import { useState } from 'react';

/** Children listed per object or array at most (the rest are counted). */
const MAX_CHILDREN = 200;

function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="json-string">“{value}”</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-literal">{String(value)}</span>;
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  const label = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <li>
        {label}
        <Leaf value={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value as Record<string, unknown>);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <li>
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen((current) => !current)}>
        {open ? '▾' : '▸'}
      </button>
      {label}
      <span className="muted">
        {brackets[0]}
        {open ? '' : ` ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} ${brackets[1]}`}
      </span>
      {open ? (
        <>
          <ul className="json-children">
            {entries.slice(0, MAX_CHILDREN).map(([key, child]) => (
              <Node key={key} name={key} value={child} depth={depth + 1} />
            ))}
            {entries.length > MAX_CHILDREN ? <li className="muted small">… {entries.length - MAX_CHILDREN} more</li> : null}
          </ul>
          <span className="muted">{brackets[1]}</span>
        </>
      ) : null}
    </li>
  );
}

/** A JSON file as a tree whose objects and arrays open and close; what is not JSON says why. */
export function JsonPreview({ text, complete }: { text: string; complete: boolean }) {
  if (!complete) return <p className="muted">The file is too large to show as a tree; its first lines are below.</p>;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    return <p className="muted">Not valid JSON ({error instanceof Error ? error.message : String(error)}); its text is below.</p>;
  }
  return (
    <ul className="json-tree">
      <Node name={null} value={value} depth={0} />
    </ul>
  );
}

/** Whether text parses as JSON (else the preview shows it as text too). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}
