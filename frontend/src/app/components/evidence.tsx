/** The evidence of a comparison, side by side: verdict, code, inputs, outputs, dependencies, system, program. */
import { useState, type ReactNode } from 'react';
import type { AssessmentCell, Evidence, JsonDifferences, OutputPair } from '@reprise/sdk';
import { CELL_INFO, COLUMNS, cellAt, cellTone, columnOf, describePair, outputsWords, summarizeCell, type CodeIdentity, type OutputSide } from '@reprise/rules';
import { formatBytes, formatHostValue, formatPercent, plural, shortDigest } from '../lib/format';
import { Badge, Digest } from './ui';
import { useFileSource } from './file-source';
import { diffUnavailable, TextDiffView } from './text-diff';
import { NumericSummary } from './numeric-pair';

function Same({ same, yes = 'same', no = 'different' }: { same: boolean; yes?: string; no?: string }) {
  return <Badge tone={same ? 'good' : 'bad'}>{same ? yes : no}</Badge>;
}

/** The outputs' badge: same, different, or not comparable (neither, in a warning tone). */
function OutputsSame({ outputs }: { outputs: Evidence['outputs'] }) {
  const words = outputsWords(outputs);
  return words === 'not comparable' ? <Badge tone="warn">{words}</Badge> : <Same same={words === 'same'} />;
}

/** The table with the cell of this comparison highlighted (only its column when the outputs are not comparable: no row holds it). */
function CellTable({ cell, codeSame, inputsSame }: { cell: AssessmentCell; codeSame: boolean; inputsSame: boolean }) {
  const column = columnOf(codeSame, inputsSame);
  const row = CELL_INFO[cell].outputs;
  return (
    <table className="assessment-table assessment-table-small">
      <caption className="sr-only">Assessment table with this comparison's cell highlighted</caption>
      <thead>
        <tr>
          <th scope="col">outputs \ code &amp; inputs</th>
          {COLUMNS.map((c) => (
            <th scope="col" key={c} className={c === column ? 'col-current' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['same', 'different'] as const).map((r) => (
          <tr key={r}>
            <th scope="row">{r}</th>
            {COLUMNS.map((c) => {
              const here = cellAt(r, c);
              const current = r === row && c === column;
              return (
                <td key={c} className={`cell cell-${here} ${current ? 'cell-current' : 'cell-dim'}`} aria-current={current ? 'true' : undefined}>
                  {CELL_INFO[here].label.toLowerCase()}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The verdict: the cell, in words and in the table. */
export function Verdict({ evidence }: { evidence: Evidence }) {
  return (
    <section className={`verdict verdict-${cellTone(evidence.cell)}`} data-cell={evidence.cell}>
      <div className="verdict-text">
        <p className="eyebrow">Assessment</p>
        <h2 className="verdict-cell">{CELL_INFO[evidence.cell].label}</h2>
        <p>{summarizeCell(evidence)}</p>
        <ul className="verdict-facts">
          <li>
            Code <Same same={evidence.code.same} no={evidence.code.basis === 'unknown' ? 'not shown same' : 'different'} />
          </li>
          <li>
            Inputs <Same same={evidence.inputs.same} />
          </li>
          <li>
            Outputs <OutputsSame outputs={evidence.outputs} />
          </li>
        </ul>
      </div>
      <div className="table-scroll">
        <CellTable cell={evidence.cell} codeSame={evidence.code.same} inputsSame={evidence.inputs.same} />
      </div>
    </section>
  );
}

function Section({ title, status, children, open = true }: { title: string; status: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="evidence-section" open={open}>
      <summary>
        <span className="evidence-title">{title}</span>
        {status}
      </summary>
      <div className="evidence-body">{children}</div>
    </details>
  );
}

function leaf(_key: string, value: unknown): string {
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Leaves that differ between A and B, each written by `format` (by default as JSON text). */
function Differences({ diff, empty, format = leaf }: { diff: JsonDifferences; empty: string; format?: (key: string, value: unknown) => string }) {
  if (diff.same) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact side-table">
        <thead>
          <tr>
            <th>Key</th>
            <th>A</th>
            <th>B</th>
          </tr>
        </thead>
        <tbody>
          {diff.differences.map((row) => {
            return (
              <tr key={row.key}>
                <td className="mono small break">{row.key || '(whole value)'}</td>
                <td className={`mono small break ${'a' in row ? 'side-a' : 'muted'}`}>{format(row.key, row.a)}</td>
                <td className={`mono small break ${'b' in row ? 'side-b' : 'muted'}`}>{format(row.key, row.b)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {diff.truncated ? <p className="muted small">More differences exist than are listed.</p> : null}
    </div>
  );
}

function CodeSide({ identity }: { identity: CodeIdentity }) {
  const { vcs, image } = identity;
  return (
    <dl className="fields fields-compact">
      <div className="field-row">
        <dt>Commit</dt>
        <dd>{vcs?.commit ? <Digest value={vcs.commit} /> : <span className="muted">—</span>}</dd>
      </div>
      <div className="field-row">
        <dt>Working tree</dt>
        <dd>{vcs ? (vcs.dirty ? <>changed {vcs.diff ? <Digest value={vcs.diff} /> : null}</> : 'clean') : <span className="muted">—</span>}</dd>
      </div>
      <div className="field-row">
        <dt>Container</dt>
        <dd>{typeof identity.container === 'string' ? <code>{shortDigest(identity.container, 10)}</code> : <span className="muted">—</span>}</dd>
      </div>
      <div className="field-row">
        <dt>Image</dt>
        <dd>{image ? <Digest value={image.digest ?? image.sha256} /> : <span className="muted">—</span>}</dd>
      </div>
    </dl>
  );
}

function isImage(side: OutputSide | null): boolean {
  return Boolean(side?.uploaded && side.mediaType?.startsWith('image/') && side.mediaType !== 'image/svg+xml' && (side.size ?? 0) <= 20 * 1024 * 1024);
}

/** A side's digest: its sha256, else Sumatra's sha1 (so named), else "no digest". */
function digestWords(side: OutputSide): string {
  if (side.sha256) return shortDigest(side.sha256, 10);
  return side.sha1 ? `sha1 ${shortDigest(side.sha1, 10)}` : 'no digest';
}

function OutputRow({ pair, aRecord, bRecord }: { pair: OutputPair; aRecord: string; bRecord: string }) {
  const [showDiff, setShowDiff] = useState(false);
  const source = useFileSource();
  const description = describePair(pair);
  const { a, b } = pair;
  const unavailable = diffUnavailable(pair);
  const images = isImage(pair.a) && isImage(pair.b);
  return (
    <li className="output-pair" data-result={pair.result}>
      <div className="output-head">
        <span className="strong break">{pair.name}</span>
        {pair.path ? <span className="muted small mono break">{pair.path}</span> : null}
        <Badge tone={description.tone}>{description.label}</Badge>
      </div>
      <div className="output-sides">
        <span>
          <span className="side-label">A</span> {a ? `${formatBytes(a.size)} · ${digestWords(a)}` : 'missing'}
        </span>
        <span>
          <span className="side-label side-label-b">B</span> {b ? `${formatBytes(b.size)} · ${digestWords(b)}` : 'missing'}
        </span>
      </div>
      {pair.distance !== undefined ? (
        <div className="similarity">
          <progress className="similarity-bar" max={1} value={pair.similarity ?? 0} aria-label="similarity" />
          <span className="small">
            {formatPercent(pair.similarity)} similar · distance {pair.exact === false ? '≤ ' : ''}
            {pair.distance.toLocaleString('en')}
            {pair.exact === false && pair.lowerBound !== undefined ? ` (≥ ${pair.lowerBound.toLocaleString('en')})` : ''}
          </span>
        </div>
      ) : null}
      {pair.note ? <p className="muted small">{pair.note}</p> : null}
      <NumericSummary pair={pair} aRecord={aRecord} bRecord={bRecord} />
      {images ? (
        <div className="image-pair">
          <figure>
            <img src={source.url(aRecord, a?.sha256 ?? a?.name ?? '')} alt={`A: ${pair.name}`} loading="lazy" />
            <figcaption>A</figcaption>
          </figure>
          <figure>
            <img src={source.url(bRecord, b?.sha256 ?? b?.name ?? '')} alt={`B: ${pair.name}`} loading="lazy" />
            <figcaption>B</figcaption>
          </figure>
        </div>
      ) : null}
      {pair.result === 'text-distance' ? (
        unavailable ? (
          <p className="muted small">{unavailable}</p>
        ) : (
          <>
            <button type="button" className="btn btn-small" aria-expanded={showDiff} onClick={() => setShowDiff((value) => !value)}>
              {showDiff ? 'Hide the text diff' : 'Show the text diff'}
            </button>
            {showDiff ? <TextDiffView pair={pair} aRecord={aRecord} bRecord={bRecord} /> : null}
          </>
        )
      ) : null}
    </li>
  );
}

/** Every part of the evidence, for reviewers. */
export function EvidenceView({ evidence }: { evidence: Evidence }) {
  const { code, inputs, outputs, dependencies } = evidence;
  const depsChanged = dependencies.added.length + dependencies.removed.length + dependencies.changed.length;
  return (
    <div className="evidence">
      <Section title="Code" status={<Same same={code.same} no={code.basis === 'unknown' ? 'not shown same' : 'different'} />}>
        <p>
          {code.reason} <span className="muted small">(basis: {code.basis})</span>
        </p>
        <div className="sides">
          <div className="side">
            <h4 className="side-title">A</h4>
            <CodeSide identity={code.a} />
          </div>
          <div className="side">
            <h4 className="side-title side-title-b">B</h4>
            <CodeSide identity={code.b} />
          </div>
        </div>
      </Section>
      <Section title="Inputs" status={<Same same={inputs.same} />}>
        <p>{inputs.reason}</p>
        <ul className="digest-summary">
          <li>{plural(inputs.digests.common.length, 'input')} on both sides</li>
          {inputs.digests.onlyA.length > 0 ? (
            <li>
              only in A: {inputs.digests.onlyA.map((digest) => <Digest key={digest} value={digest} />)}
            </li>
          ) : null}
          {inputs.digests.onlyB.length > 0 ? (
            <li>
              only in B: {inputs.digests.onlyB.map((digest) => <Digest key={digest} value={digest} />)}
            </li>
          ) : null}
          {inputs.digests.unknownA.length + inputs.digests.unknownB.length > 0 ? <li>without a digest: {[...inputs.digests.unknownA, ...inputs.digests.unknownB].join(', ')}</li> : null}
        </ul>
        <h4 className="subhead">Parameters</h4>
        <Differences diff={inputs.parameters} empty="The parameters are the same." />
      </Section>
      <Section title="Outputs" status={<OutputsSame outputs={outputs} />}>
        <p>
          {outputs.reason} <span className="muted small">Tolerance: {plural(outputs.tolerance, 'edit')} per text output{outputs.rtol !== undefined ? `; rtol ${outputs.rtol}, atol ${outputs.atol ?? 0} for numbers` : ''}.</span>
        </p>
        {outputs.pairs.length === 0 ? (
          <p className="muted">Neither record has outputs.</p>
        ) : (
          <ul className="output-pairs">
            {outputs.pairs.map((pair) => (
              <OutputRow key={`${pair.name}/${pair.path ?? ''}`} pair={pair} aRecord={evidence.a.record} bRecord={evidence.b.record} />
            ))}
          </ul>
        )}
      </Section>
      <Section title="Dependencies" status={<Same same={dependencies.same} yes="same" no={`${depsChanged} changed`} />} open={!dependencies.same}>
        {dependencies.same ? (
          <p className="muted">{plural(dependencies.unchanged, 'dependency', 'dependencies')}, all the same.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>Dependency</th>
                  <th>A</th>
                  <th>B</th>
                </tr>
              </thead>
              <tbody>
                {dependencies.changed.map((change) => {
                  return (
                    <tr key={`c/${change.manager ?? ''}/${change.name}`}>
                      <td className="strong">{change.name}</td>
                      <td className="mono small side-a">{change.a}</td>
                      <td className="mono small side-b">{change.b}</td>
                    </tr>
                  );
                })}
                {dependencies.removed.map((entry) => {
                  return (
                    <tr key={`r/${entry.manager ?? ''}/${entry.name}`}>
                      <td className="strong">{entry.name}</td>
                      <td className="mono small side-a">{entry.version || '(any)'}</td>
                      <td className="muted small">not used</td>
                    </tr>
                  );
                })}
                {dependencies.added.map((entry) => {
                  return (
                    <tr key={`a/${entry.manager ?? ''}/${entry.name}`}>
                      <td className="strong">{entry.name}</td>
                      <td className="muted small">not used</td>
                      <td className="mono small side-b">{entry.version || '(any)'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="muted small">{plural(dependencies.unchanged, 'other dependency', 'other dependencies')} unchanged.</p>
          </div>
        )}
      </Section>
      <Section title="System" status={<Same same={evidence.system.same} />} open={!evidence.system.same}>
        <Differences diff={evidence.system} empty="The hosts are described the same way." format={formatHostValue} />
      </Section>
      <Section title="Program" status={<Same same={evidence.program.same} />} open={!evidence.program.same}>
        <Differences diff={evidence.program} empty="The same program ran (command, arguments, entry point)." />
      </Section>
    </div>
  );
}
