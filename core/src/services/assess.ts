import { allowedPropositions, type Cell, type Evidence, type Method, type Proposition } from '@reprise/rules';
import type { RecordDoc } from '../models/index.js';
import type { Deps } from './context.js';
import { BOUNDED_COMPARISON, compareRecords } from '../assessment/index.js';

/** The assessment of a pair of records: evidence, table cell and the propositions each method allows. */
export interface PairAssessment {
  evidence: Evidence;
  cell: Cell;
  propositions: Record<Method, Proposition[]>;
}

/** How to assess a pair: the tolerance, and for interactive comparisons a bounded cost and cancellation. */
export interface AssessOptions {
  tolerance: number;
  /** Relative and absolute tolerances of numeric outputs (default 0). */
  rtol?: number | undefined;
  atol?: number | undefined;
  /** True: BOUNDED_COMPARISON's limits (bounds instead of exact distances beyond them); false (default): the engine's full limits. */
  bounded?: boolean;
  /** Aborting stops the comparison, including distance computations in worker threads. */
  signal?: AbortSignal;
}

/** Runs the assessment engine on two records (a request from `a` toward `b`). */
export async function assessPair(deps: Deps, a: RecordDoc, b: RecordDoc, options: AssessOptions): Promise<PairAssessment> {
  const limits = options.bounded ? BOUNDED_COMPARISON : {};
  const evidence = await compareRecords(deps, a, b, {
    tolerance: options.tolerance,
    rtol: options.rtol ?? 0,
    atol: options.atol ?? 0,
    ...limits,
    signal: options.signal,
  });
  return {
    evidence,
    cell: evidence.cell,
    propositions: {
      default: allowedPropositions('default', evidence),
      visual: allowedPropositions('visual', evidence),
      custom: allowedPropositions('custom', evidence),
    },
  };
}
