/** How two numeric outputs compare (values compared, how many differ, the largest differences and where), with plots on demand. */
import { lazy, Suspense, useState } from 'react';
import type { OutputPair } from '@reprise/sdk';
import { formatNumber, locationWords } from '../lib/changes';
import { Loading } from './ui';

// The plotting library is fetched only when a plot is opened.
const NumericPlot = lazy(() => import('./numeric-plot'));

/** Tables larger than this (per side) are not plotted: the plot reads both files whole. */
const PLOT_MAX_BYTES = 4 * 1024 * 1024;

function Code({ text }: { text: string }) {
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <span key={index}>{part}</span>))}</>;
}

/** The numeric summary of a pair, or why a text pair was not compared as numbers. */
export function NumericSummary({ pair, aRecord, bRecord }: { pair: OutputPair; aRecord: string; bRecord: string }) {
  const [plot, setPlot] = useState(false);
  if (pair.notNumeric) return <p className="muted small not-numeric">{pair.notNumeric}</p>;
  const numeric = pair.numeric;
  if (pair.result !== 'numeric' || !numeric) return null;
  const { shapes } = numeric;
  const shape = (side: typeof shapes.a) => (side.format === 'json' ? `${side.values.toLocaleString('en')} values` : `${(side.rows ?? 0).toLocaleString('en')} × ${side.columns ?? 0}`);
  const plottable = shapes.a.format !== 'json' && shapes.b.format !== 'json' && (pair.a?.size ?? 0) <= PLOT_MAX_BYTES && (pair.b?.size ?? 0) <= PLOT_MAX_BYTES && Boolean(pair.a?.uploaded && pair.b?.uploaded);
  return (
    <div className="numeric-summary" data-same={pair.same}>
      <p className="small">
        {numeric.compared.toLocaleString('en')} values compared as numbers ({shapes.a.format.toUpperCase()}, A {shape(shapes.a)}, B {shape(shapes.b)}):{' '}
        <strong>{numeric.differing === 0 ? 'none differs' : `${numeric.differing.toLocaleString('en')} differ`}</strong> beyond rtol {numeric.rtol} and atol {numeric.atol}
        {shapes.same ? '.' : null}
        {shapes.same ? null : (
          <>
            ; <strong className="text-bad">shapes differ</strong>: {shapes.mismatch}.
          </>
        )}
      </p>
      {numeric.maxAbs || numeric.maxRel ? (
        <ul className="small numeric-extremes">
          {numeric.maxAbs ? (
            <li>
              largest |a − b|: {formatNumber(numeric.maxAbs.value)} at <Code text={locationWords(numeric.maxAbs.at)} /> ({formatNumber(numeric.maxAbs.a)} → {formatNumber(numeric.maxAbs.b)})
            </li>
          ) : null}
          {numeric.maxRel ? (
            <li>
              largest |a − b| / |b|: {formatNumber(numeric.maxRel.value)} at <Code text={locationWords(numeric.maxRel.at)} />
            </li>
          ) : null}
        </ul>
      ) : null}
      {plottable ? (
        <>
          <button type="button" className="btn btn-small" aria-expanded={plot} onClick={() => setPlot((value) => !value)}>
            {plot ? 'Hide the plots' : 'Plot A and B'}
          </button>
          {plot ? (
            <Suspense fallback={<Loading label="Loading the plots…" />}>
              <NumericPlot pair={pair} aRecord={aRecord} bRecord={bRecord} />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
