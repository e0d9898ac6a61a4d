/** Two records side by side, the evidence, and a diff request proposed from there. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Comparison, DiffMethod, Me, Proposition, RecordSummary } from '@reprise/sdk';
import { canChange, canPropose, METHOD_INFO, whyPropositions } from '@reprise/rules';
import { isNotFound } from '../api/client';
import { useComparison, useMe, useWrites, type NumericTolerances } from '../api/hooks';
import { EvidenceView, Verdict } from '../components/evidence';
import { CompareIcon } from '../components/icons';
import { WhatChanged } from '../components/what-changed';
import { ErrorBox, FormMessage, Loading, PageHeader, PrivacyBadge, Spinner, StatusBadge, TimeAgo } from '../components/ui';
import { plural } from '../lib/format';
import { intParam } from '../lib/params';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';

function RecordSide({ record, side }: { record: RecordSummary; side: 'A' | 'B' }) {
  return (
    <div className={`compare-side compare-side-${side.toLowerCase()}`}>
      <span className={`side-label ${side === 'B' ? 'side-label-b' : ''}`}>{side}</span>
      <div>
        <Link to={`/records/${record.id}`} className="compare-label break">
          {record.label}
        </Link>
        <p className="muted small">
          <Link to={`/projects/${record.project}`}>{record.projectName}</Link> · {record.owner.name} · <TimeAgo iso={record.created} />
        </p>
        <p>
          <StatusBadge status={record.status} /> <PrivacyBadge private={record.private} />
        </p>
      </div>
    </div>
  );
}

/** Why no request can be sent from A toward B, or null when one can. */
export function requestBlocker(comparison: Pick<Comparison, 'a' | 'b'>, me: Me | null | undefined): string | null {
  if (!me) return 'Sign in to propose a diff request.';
  const a = { owner: comparison.a.owner.id };
  const b = { owner: comparison.b.owner.id };
  if (canPropose(me.id, a, b)) return null;
  const mineA = canChange(me.id, a);
  const mineB = canChange(me.id, b);
  if (mineA && mineB) return 'Both records are yours: a diff request asks the owner of someone else’s record to confirm the claim.';
  if (!mineA && mineB) return 'A request is sent from your record (A) toward the other one (B): swap the sides to propose one.';
  return 'A request is sent from one of your own records; neither of these is yours.';
}

function ProposeForm({ comparison, tolerance, numeric }: { comparison: Comparison; tolerance: number; numeric: NumericTolerances }) {
  const navigate = useNavigate();
  const { createDiff } = useWrites();
  const [method, setMethod] = useState<DiffMethod>('default');
  const allowed = comparison.propositions[method];
  const [proposition, setProposition] = useState<Proposition | ''>(allowed[0] ?? '');
  const [description, setDescription] = useState('');
  useEffect(() => {
    setProposition((current) => (current && allowed.includes(current) ? current : (allowed[0] ?? '')));
  }, [allowed]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!proposition) return;
    createDiff.mutate(
      { from: comparison.a.id, toward: comparison.b.id, method, proposition, description: description.trim(), ...(method === 'default' ? { tolerance, ...numeric } : {}) },
      { onSuccess: (request) => void navigate(`/requests/${request.id}`) },
    );
  };
  return (
    <form className="form propose" onSubmit={submit} aria-label="Propose a diff request">
      <fieldset className="radio-group">
        <legend>Method</legend>
        {METHOD_INFO.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" name="method" value={option.value} checked={method === option.value} onChange={() => setMethod(option.value)} />
            <span>
              <strong>{option.label}</strong> — {option.help}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>Proposition</legend>
        <p className="hint propose-why">{whyPropositions(method, comparison.evidence, allowed)}</p>
        <div className="proposition-choices">
          {allowed.map((value) => (
            <label key={value} className={`choice ${proposition === value ? 'choice-active' : ''}`}>
              <input type="radio" name="proposition" value={value} checked={proposition === value} onChange={() => setProposition(value)} />
              {value}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="label">
        <span>
          Description {method === 'custom' ? <span className="required">(required for custom)</span> : <span className="muted">(optional)</span>}
        </span>
        <textarea
          className="input"
          rows={3}
          maxLength={10000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder={method === 'custom' ? 'How you compared the outputs.' : 'What you ran and what the owner should look at.'}
        />
      </label>
      {method === 'default' && tolerance > 0 ? <p className="hint">The request carries the tolerance of {plural(tolerance, 'edit')} per text output.</p> : null}
      {method === 'default' && (numeric.rtol > 0 || numeric.atol > 0) ? (
        <p className="hint">
          The request carries rtol {numeric.rtol} and atol {numeric.atol} for numeric outputs.
        </p>
      ) : null}
      <FormMessage error={createDiff.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={createDiff.isPending || !proposition || (method === 'custom' && !description.trim())}>
          {createDiff.isPending ? <Spinner label="Sending" /> : null} Propose “{proposition || '…'}” to {comparison.b.owner.name}
        </button>
      </div>
    </form>
  );
}

/** A tolerance of numeric outputs from the URL: a finite number ≥ 0, else 0. */
function toleranceParam(raw: string | null): number {
  const value = raw === null || raw.trim() === '' ? 0 : Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= 1e9 ? value : 0;
}

/** The compare page: /compare/:a/:b?tolerance=N&rtol=R&atol=A */
export function ComparePage() {
  const { a = '', b = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tolerance = intParam(params.get('tolerance'), 0, 1_000_000_000, 0);
  const [toleranceText, setToleranceText] = useState(String(tolerance));
  useEffect(() => setToleranceText(String(tolerance)), [tolerance]);
  const rtol = toleranceParam(params.get('rtol'));
  const atol = toleranceParam(params.get('atol'));
  const numeric = useMemo(() => ({ rtol, atol }), [rtol, atol]);
  const [rtolText, setRtolText] = useState(String(rtol));
  const [atolText, setAtolText] = useState(String(atol));
  useEffect(() => setRtolText(String(rtol)), [rtol]);
  useEffect(() => setAtolText(String(atol)), [atol]);
  const comparison = useComparison(a, b, tolerance, numeric);
  const me = useMe();
  const navigate = useNavigate();
  useTitle(comparison.data ? `${comparison.data.a.label} vs ${comparison.data.b.label}` : 'Compare');
  if (comparison.isPending) return <Loading label="Comparing the two records…" />;
  if (comparison.isError) return isNotFound(comparison.error) ? <NotFoundPage what="comparison" /> : <ErrorBox error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const data = comparison.data;
  const blocker = requestBlocker(data, me.data);
  const applyTolerance = (event: FormEvent) => {
    event.preventDefault();
    const value = /^\d+$/.test(toleranceText) ? toleranceText : '0';
    const next: Record<string, string> = value === '0' ? {} : { tolerance: value };
    for (const [name, text] of [
      ['rtol', rtolText],
      ['atol', atolText],
    ] as const) {
      const number = toleranceParam(text);
      if (number > 0) next[name] = String(number);
    }
    setParams(next, { replace: true });
  };

  return (
    <div className={`page ${comparison.isFetching ? 'is-refreshing' : ''}`}>
      <PageHeader
        eyebrow="Compare records"
        title={
          <>
            <span className="break">{data.a.label}</span> <span className="vs">vs</span> <span className="break">{data.b.label}</span>
          </>
        }
        actions={
          <button type="button" className="btn" onClick={() => void navigate(`/compare/${b}/${a}${params.toString() ? `?${params.toString()}` : ''}`)}>
            <CompareIcon /> Swap sides
          </button>
        }
      />
      <div className="compare-sides">
        <RecordSide record={data.a} side="A" />
        <RecordSide record={data.b} side="B" />
      </div>
      <form className="tolerance" onSubmit={applyTolerance}>
        <label>
          Tolerance
          <input className="input input-small" type="number" min={0} inputMode="numeric" value={toleranceText} onChange={(event) => setToleranceText(event.target.value)} />
        </label>
        <span className="muted small">edits allowed per text output for it to count as the same</span>
        <label>
          rtol
          <input className="input input-small" type="text" inputMode="decimal" value={rtolText} onChange={(event) => setRtolText(event.target.value)} />
        </label>
        <label>
          atol
          <input className="input input-small" type="text" inputMode="decimal" value={atolText} onChange={(event) => setAtolText(event.target.value)} />
        </label>
        <span className="muted small">for tables of numbers and JSON: |a − b| ≤ atol + rtol·|b|</span>
        <button type="submit" className="btn btn-small">
          Apply
        </button>
      </form>
      <Verdict evidence={data.evidence} />
      <WhatChanged evidence={data.evidence} />
      <div className="compare-layout">
        <EvidenceView evidence={data.evidence} />
        <aside className="card propose-card">
          <h2 className="card-title">Propose a diff request</h2>
          {blocker ? (
            <p className="muted">{blocker}</p>
          ) : (
            <>
              <p className="muted small">
                {data.b.owner.name} will see this evidence and agree or deny. Agreed requests count toward the reproducibility of <Link to={`/projects/${data.b.project}`}>{data.b.projectName}</Link>.
              </p>
              <ProposeForm comparison={data} tolerance={tolerance} numeric={numeric} />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
