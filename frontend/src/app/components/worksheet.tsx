/**
 * The records table as a worksheet: columns chosen among the project's parameter and metric paths,
 * a `where` box that completes paths, sorting by a column, and the CSV of exactly what is shown.
 * All of it lives in the URL (`cols`, `where`, `sort`), so a worksheet is a link.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProjectRecordsQuery, RecordPathPage, RecordSummary } from '@reprise/sdk';
import { parseWhere } from '@reprise/rules';
import { cloud } from '../api/client';
import { ChevronIcon } from './icons';

/** The paths chosen as columns, from the URL's `cols`. */
export function columnsOf(params: URLSearchParams): string[] {
  return (params.get('cols') ?? '')
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path.startsWith('parameters.') || path.startsWith('metrics.'))
    .slice(0, 50);
}

/** A value of a column as a cell shows it: numbers as they are, up to 6 significant digits. */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return String(value);
}

/** The header of a path column: a button that sorts by it, ascending first, then descending. */
export function PathHeader({ path, sort, onSort }: { path: string; sort: string; onSort: (sort: string) => void }) {
  const ascending = sort === path;
  const descending = sort === `-${path}`;
  return (
    <th aria-sort={ascending ? 'ascending' : descending ? 'descending' : 'none'} className="col-path" data-path={path}>
      <button type="button" className={`sort ${ascending || descending ? 'sort-active' : ''}`} title={`Sort by ${path}`} onClick={() => onSort(ascending ? `-${path}` : path)}>
        <span className="path-root">{path.startsWith('metrics.') ? 'metric' : 'param'}</span> {path.replace(/^(parameters|metrics)\./, '')}
        {ascending || descending ? <ChevronIcon up={ascending} /> : null}
      </button>
    </th>
  );
}

/** The cells of the path columns of one record. */
export function PathCells({ record, columns }: { record: RecordSummary; columns: string[] }) {
  return (
    <>
      {columns.map((path) => (
        <td key={path} className="col-path num" data-path={path}>
          {cellText(record.columns?.[path])}
        </td>
      ))}
    </>
  );
}

/** The path being typed at the caret: the word the completion replaces. */
function tokenAt(text: string, caret: number): { start: number; word: string } {
  let start = caret;
  while (start > 0 && /[A-Za-z0-9_.-]/.test(text[start - 1] ?? '')) start -= 1;
  return { start, word: text.slice(start, caret) };
}

/** The `where` box: applies on Enter or with the button, checks the text as the service will, and completes paths. */
function WhereInput({ value, paths, onApply }: { value: string; paths: string[]; onApply: (where: string) => void }) {
  const [text, setText] = useState(value);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);
  const parsed = parseWhere(text);
  const { start, word } = tokenAt(text, caret);
  const suggestions = word.length > 0 ? paths.filter((path) => path.toLowerCase().includes(word.toLowerCase()) && path !== word).slice(0, 8) : [];
  const complete = (path: string) => {
    const next = `${text.slice(0, start)}${path} ${text.slice(caret).trimStart()}`;
    setText(next);
    const at = start + path.length + 1;
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (suggestions.length > 0 && event.key === 'Tab') {
      event.preventDefault();
      complete(suggestions[Math.min(active, suggestions.length - 1)] ?? '');
    } else if (event.key === 'Enter' && parsed.ok) onApply(text.trim());
  };
  return (
    <div className="where">
      <div className="where-row">
        <input
          ref={input}
          className={`input mono where-input ${parsed.ok ? '' : 'input-invalid'}`}
          aria-label="Where"
          placeholder='where, e.g. parameters.cfl < 0.45 and metrics.error <= 1e-3'
          value={text}
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls="where-suggestions"
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setActive(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn btn-small" disabled={!parsed.ok || text.trim() === value} onClick={() => onApply(text.trim())}>
          Apply
        </button>
        {value ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onApply('')}>
            Clear
          </button>
        ) : null}
      </div>
      {suggestions.length > 0 ? (
        <ul className="where-suggestions" id="where-suggestions" role="listbox" aria-label="Paths">
          {suggestions.map((path, index) => (
            <li key={path} role="option" aria-selected={index === active}>
              <button type="button" className="mono" onMouseDown={(event) => event.preventDefault()} onClick={() => complete(path)}>
                {path}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!parsed.ok ? (
        <p className="where-problem small" role="alert">
          At position {parsed.problem.position}: {parsed.problem.message}
        </p>
      ) : null}
    </div>
  );
}

/** The columns menu: the project's paths, those that vary first, each a checkbox. */
function ColumnChooser({ paths, columns, onChange }: { paths: RecordPathPage | undefined; columns: string[]; onChange: (columns: string[]) => void }) {
  const toggle = (path: string) => onChange(columns.includes(path) ? columns.filter((column) => column !== path) : [...columns, path]);
  return (
    <details className="columns-menu">
      <summary className="btn btn-small">Columns{columns.length > 0 ? ` (${columns.length})` : ''}</summary>
      <div className="columns-menu-body" role="group" aria-label="Columns">
        {!paths ? <p className="muted small">Loading paths…</p> : null}
        {paths && paths.data.length === 0 ? <p className="muted small">No record of this project has parameters or metrics yet.</p> : null}
        {paths?.data.map((entry) => (
          <label key={entry.path} className="columns-menu-item">
            <input type="checkbox" checked={columns.includes(entry.path)} onChange={() => toggle(entry.path)} />
            <span className="mono">{entry.path}</span>
            {entry.varies ? <span className="badge badge-accent">varies</span> : <span className="muted small">same in all</span>}
          </label>
        ))}
      </div>
    </details>
  );
}

/** The worksheet's controls above the table: columns, where, and the CSV of what is shown. */
export function WorksheetBar({
  projectId,
  paths,
  query,
  columns,
  set,
}: {
  projectId: string;
  paths: RecordPathPage | undefined;
  query: ProjectRecordsQuery;
  columns: string[];
  set: (changes: Record<string, string | null>) => void;
}) {
  const names = useMemo(() => (paths?.data ?? []).map((entry) => entry.path), [paths]);
  const csv = cloud.projects.csvUrl(projectId, {
    q: query.q,
    status: query.status,
    tag: query.tag,
    where: query.where,
    sort: query.sort,
    order: query.order,
    columns: columns.join(','),
  });
  return (
    <div className="worksheet-bar">
      <ColumnChooser paths={paths} columns={columns} onChange={(next) => set({ cols: next.join(',') })} />
      <WhereInput value={query.where ?? ''} paths={names} onApply={(where) => set({ where })} />
      <a className="btn btn-small" href={csv} download>
        Export CSV
      </a>
    </div>
  );
}
