/** A table of values (CSV, TSV): its first rows and each column's kind. */
import { readTable } from '../../lib/table';
import { formatBytes, plural } from '../../lib/format';

/** Rows shown at most. */
const MAX_ROWS = 50;

/** The first rows of a table read from the start of a file. */
export function TablePreview({ text, complete, size }: { text: string; complete: boolean; size: number }) {
  const table = readTable(text, MAX_ROWS, complete);
  const columns = table.names ?? table.types.map((_, index) => `column ${index + 1}`);
  if (columns.length === 0) return <p className="muted">The file holds no rows.</p>;
  return (
    <div className="preview-table">
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col" className="muted">
                #
              </th>
              {columns.map((name, index) => (
                <th key={index} scope="col">
                  <span className="break">{name}</span> <span className="muted small column-type">{table.types[index] ?? 'text'}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <td className="muted small mono">{rowIndex + 1}</td>
                {columns.map((_, index) => (
                  <td key={index} className={`small ${table.types[index] === 'number' ? 'mono numeric' : ''}`}>
                    {row[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {table.format.toUpperCase()} · {table.names ? 'with a header' : 'no header'} · the first {plural(table.rows.length, 'row')}
        {table.truncated ? ` of a ${formatBytes(size)} file` : ''}
        {table.ragged ? ` · not a regular table: ${table.ragged}` : ''}
      </p>
    </div>
  );
}
