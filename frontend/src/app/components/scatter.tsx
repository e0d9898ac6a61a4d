/** A scatter of one parameter against one metric across the records a worksheet's filters select. */
import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProjectRecordsQuery, RecordPathPage } from '@reprise/sdk';
import { cloud } from '../api/client';
import { ErrorBox, Loading } from './ui';

// Fetched only when a scatter is drawn: uPlot stays out of the initial JavaScript.
const ScatterPlot = lazy(() => import('./scatter-plot'));

/** How many records a scatter reads at most (ten pages of the largest size). */
const MAX_POINTS = 1000;

/** The (x, y) of every record the query selects that has a number at both paths, up to MAX_POINTS. */
async function pointsOf(projectId: string, query: ProjectRecordsQuery, x: string, y: string, signal: AbortSignal): Promise<{ points: Array<[number, number]>; more: boolean }> {
  const points: Array<[number, number]> = [];
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await cloud.projects.records(projectId, { ...query, sort: undefined, order: undefined, columns: `${x},${y}`, limit: 100, cursor }, { signal });
    read += page.data.length;
    for (const record of page.data) {
      const a = record.columns?.[x];
      const b = record.columns?.[y];
      if (typeof a === 'number' && typeof b === 'number') points.push([a, b]);
    }
    cursor = page.page.next ?? undefined;
  } while (cursor !== undefined && read < MAX_POINTS);
  return { points, more: cursor !== undefined };
}

/** Two selects (a parameter, a metric) in the URL (`x`, `y`) and the scatter of the filtered records. */
export function ScatterPanel({
  projectId,
  paths,
  query,
  x,
  y,
  set,
}: {
  projectId: string;
  paths: RecordPathPage | undefined;
  query: ProjectRecordsQuery;
  x: string;
  y: string;
  set: (changes: Record<string, string | null>) => void;
}) {
  const numeric = (paths?.data ?? []).filter((entry) => entry.kind === 'number');
  const parameters = numeric.filter((entry) => entry.path.startsWith('parameters.'));
  const metrics = numeric.filter((entry) => entry.path.startsWith('metrics.'));
  const filters = useMemo(
    () => ({ q: query.q, status: query.status, tag: query.tag, where: query.where, createdAfter: query.createdAfter, createdBefore: query.createdBefore }),
    [query.q, query.status, query.tag, query.where, query.createdAfter, query.createdBefore],
  );
  const data = useQuery({
    queryKey: ['project', projectId, 'scatter', filters, x, y],
    queryFn: ({ signal }) => pointsOf(projectId, filters, x, y, signal),
    enabled: Boolean(x && y),
  });
  return (
    <section className="card scatter" aria-label="Scatter">
      <header className="card-header">
        <h2 className="card-title">Plot a parameter against a metric</h2>
      </header>
      <div className="card-body">
        <div className="scatter-axes">
          <label>
            <span className="muted small">x (parameter)</span>
            <select className="input" aria-label="Scatter x" value={x} onChange={(event) => set({ x: event.target.value })}>
              <option value="">Choose…</option>
              {parameters.map((entry) => (
                <option key={entry.path}>{entry.path}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="muted small">y (metric)</span>
            <select className="input" aria-label="Scatter y" value={y} onChange={(event) => set({ y: event.target.value })}>
              <option value="">Choose…</option>
              {metrics.map((entry) => (
                <option key={entry.path}>{entry.path}</option>
              ))}
            </select>
          </label>
        </div>
        {paths && (parameters.length === 0 || metrics.length === 0) ? <p className="muted small">A scatter needs records with a numeric parameter and a metric.</p> : null}
        {data.isError ? <ErrorBox error={data.error} /> : null}
        {x && y && data.data ? (
          <>
            <p className="muted small" data-testid="scatter-count">
              {data.data.points.length} record{data.data.points.length === 1 ? '' : 's'} with both values{data.data.more ? ` (the first ${MAX_POINTS} records read)` : ''}.
            </p>
            <Suspense fallback={<Loading label="Loading the plot…" />}>
              <ScatterPlot points={data.data.points} xLabel={x} yLabel={y} />
            </Suspense>
          </>
        ) : x && y ? (
          <Loading />
        ) : null}
      </div>
    </section>
  );
}
