import type { Response } from 'express';
import type { Schemas } from '@reprise/contract';
import { loadOwners, presentRecordSummary, type Comparison, type Id, type OpenModels } from '@reprise/core';

/** The tolerances a compare route reads from its query. */
interface CompareQuery {
  tolerance?: number;
  rtol?: number;
  atol?: number;
}

/** How a compare route compares: the service that finds both records where its caller may look. */
type Compare = (tolerance: number, options: { rtol: number; atol: number; bounded: true; signal: AbortSignal }) => Promise<Comparison>;

/**
 * Answers a compare route with a bounded comparison of the query's tolerances. A client that goes
 * away takes its comparison with it: nobody would read the result. Both records are presented
 * with the names of `owners` (default: the records' own) and the body goes to `send` (default:
 * `res.json`).
 */
export async function sendComparison(
  models: Pick<OpenModels, 'User'>,
  res: Response,
  query: CompareQuery,
  compare: Compare,
  how: { owners?: Id[]; send?: (body: Schemas['Comparison']) => void } = {},
): Promise<void> {
  const abandoned = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abandoned.abort();
  });
  let comparison: Comparison;
  try {
    comparison = await compare(query.tolerance ?? 0, { rtol: query.rtol ?? 0, atol: query.atol ?? 0, bounded: true, signal: abandoned.signal });
  } catch (error) {
    if (abandoned.signal.aborted) return;
    throw error;
  }
  const owners = await loadOwners(models, how.owners ?? [comparison.a.record.owner, comparison.b.record.owner]);
  const body: Schemas['Comparison'] = {
    a: presentRecordSummary(comparison.a.record, comparison.a.project.name, owners),
    b: presentRecordSummary(comparison.b.record, comparison.b.project.name, owners),
    tolerance: comparison.tolerance,
    rtol: comparison.rtol,
    atol: comparison.atol,
    evidence: comparison.evidence,
    cell: comparison.cell,
    propositions: comparison.propositions,
  };
  if (how.send) how.send(body);
  else res.json(body);
}
