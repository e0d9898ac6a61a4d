/**
 * Plots of two numeric tables: A and B over a chosen x column, and their difference. Loaded on
 * demand (with uPlot) by the compare page; reads at most the first 4 MiB and 20,000 rows of each.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { OutputPair } from '@reprise/sdk';
import { numberOf, readTable, type Table } from '../lib/table';
import { fetchHead } from './previews/fetch';
import { ErrorBox, Loading } from './ui';

const PLOT_BYTES = 4 * 1024 * 1024;
const PLOT_ROWS = 20_000;

function columnsOf(table: Table): string[] {
  return table.names ?? table.types.map((_, index) => `column ${index + 1}`);
}

function values(table: Table, column: number): number[] {
  return table.rows.map((row) => numberOf(row[column] ?? 'nan'));
}

/** One uPlot chart in a div, rebuilt when its data changes. */
function Chart({ title, data, series, label }: { title: string; data: uPlot.AlignedData; series: uPlot.Series[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Differences of rounding are tiny: their ticks need an exponent to be told apart.
    const ticks = (_chart: uPlot, values: number[]) => values.map((value) => (value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential(1) : String(Number(value.toPrecision(6)))));
    const chart = new uPlot(
      { title, width: Math.max(280, element.clientWidth || 600), height: 240, scales: { x: { time: false } }, series, axes: [{ label }, { values: ticks, size: 70 }] },
      data,
      element,
    );
    return () => chart.destroy();
  }, [title, data, series, label]);
  return <div ref={box} className="plot" role="img" aria-label={title} />;
}

/** A and B of a numeric output pair over an x column of the user's choice, and B − A. */
export default function NumericPlot({ pair, aRecord, bRecord }: { pair: OutputPair; aRecord: string; bRecord: string }) {
  const { a, b } = pair;
  const tables = useQuery({
    queryKey: ['plot-pair', aRecord, a?.sha256, bRecord, b?.sha256],
    queryFn: async ({ signal }) => {
      const [left, right] = await Promise.all([
        fetchHead(aRecord, a?.sha256 ?? a?.name ?? '', a?.size ?? PLOT_BYTES, signal, PLOT_BYTES),
        fetchHead(bRecord, b?.sha256 ?? b?.name ?? '', b?.size ?? PLOT_BYTES, signal, PLOT_BYTES),
      ]);
      if ('binary' in left || 'binary' in right) throw new Error('One of the files is not text.');
      return { a: readTable(left.text, PLOT_ROWS, left.complete), b: readTable(right.text, PLOT_ROWS, right.complete) };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const numericColumns = useMemo(() => (tables.data ? tables.data.a.types.flatMap((type, index) => (type === 'number' ? [index] : [])) : []), [tables.data]);
  const [x, setX] = useState<number | null>(null);
  const [y, setY] = useState<number | null>(null);
  const xColumn = x ?? numericColumns[0] ?? 0;
  const yColumn = y ?? numericColumns.find((column) => column !== xColumn) ?? xColumn;
  const plots = useMemo(() => {
    if (!tables.data) return null;
    const rows = Math.min(tables.data.a.rows.length, tables.data.b.rows.length);
    const xs = values(tables.data.a, xColumn).slice(0, rows);
    const ya = values(tables.data.a, yColumn).slice(0, rows);
    const yb = values(tables.data.b, yColumn).slice(0, rows);
    // uPlot wants x ascending: plot in the order of x, keeping rows together.
    const order = xs.map((_, index) => index).sort((i, j) => (xs[i] ?? 0) - (xs[j] ?? 0));
    const pick = (list: number[]) => order.map((index) => list[index] ?? Number.NaN);
    const sortedX = pick(xs);
    const sortedA = pick(ya);
    const sortedB = pick(yb);
    return {
      both: [sortedX, sortedA, sortedB] as uPlot.AlignedData,
      difference: [sortedX, sortedB.map((value, index) => value - (sortedA[index] ?? Number.NaN))] as uPlot.AlignedData,
      rows,
    };
  }, [tables.data, xColumn, yColumn]);
  const names = tables.data ? columnsOf(tables.data.a) : [];
  const yName = names[yColumn] ?? '';
  const xName = names[xColumn] ?? '';
  const seriesBoth = useMemo<uPlot.Series[]>(() => [{ label: xName }, { label: `A ${yName}`, stroke: '#2563eb', width: 1.5 }, { label: `B ${yName}`, stroke: '#dc2626', width: 1.5, dash: [6, 4] }], [xName, yName]);
  const seriesDifference = useMemo<uPlot.Series[]>(() => [{ label: xName }, { label: `B − A ${yName}`, stroke: '#7c3aed', width: 1.5 }], [xName, yName]);
  if (tables.isPending) return <Loading label="Reading both tables…" />;
  if (tables.isError) return <ErrorBox error={tables.error} title="The tables could not be read" />;
  if (numericColumns.length === 0 || !plots) return <p className="muted">No column of numbers to plot.</p>;
  return (
    <div className="numeric-plots">
      <div className="plot-controls">
        <label>
          x{' '}
          <select className="input input-small" value={xColumn} onChange={(event) => setX(Number(event.target.value))}>
            {numericColumns.map((column) => (
              <option key={column} value={column}>
                {names[column]}
              </option>
            ))}
          </select>
        </label>
        <label>
          y{' '}
          <select className="input input-small" value={yColumn} onChange={(event) => setY(Number(event.target.value))}>
            {numericColumns.map((column) => (
              <option key={column} value={column}>
                {names[column]}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">
          {plots.rows.toLocaleString('en')} rows{tables.data.a.truncated || tables.data.b.truncated ? ' (the first ones)' : ''}
        </span>
      </div>
      <Chart title={`${yName}: A and B over ${xName}`} data={plots.both} series={seriesBoth} label={xName} />
      <Chart title={`${yName}: B − A over ${xName}`} data={plots.difference} series={seriesDifference} label={xName} />
    </div>
  );
}
