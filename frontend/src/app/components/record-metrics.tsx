/** A record's metrics: its final scalar results by name, as a table. */
import type { RecordAtom } from '@reprise/sdk';
import { Card } from './ui';
import { cellText } from './worksheet';

/** The metrics card of the record page; nothing when the record reported none. */
export function RecordMetrics({ record }: { record: RecordAtom }) {
  const entries = Object.entries(record.metrics ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <Card title={`Metrics (${entries.length})`} className="span-2">
      <table className="table metrics-table" data-testid="record-metrics">
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="num" title={String(value)}>
                {cellText(value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
