import type { JsonValue } from '../codec.js';
import type { Cell } from '../assessment/evidence.js';
import type { Proposition } from '../assessment/table.js';
import type { DiffMethod, RecordDoc } from '../models/index.js';
import type { Deps } from './context.js';
import { allowedPropositions, BOUNDED_COMPARISON, checkProposition, compareRecords } from '../assessment/index.js';

/** The assessment of a pair of records: evidence, table cell and the propositions each method allows. */
export interface PairAssessment {
  evidence: JsonValue;
  cell: Cell;
  propositions: Record<DiffMethod, Proposition[]>;
  /** Why a proposition is refused for a method, naming the cell (the message of the 422); undefined when it is allowed. */
  refusal(method: DiffMethod, proposition: Proposition): string | undefined;
}

/** How to assess a pair: the tolerance, and for interactive comparisons a bounded cost and cancellation. */
export interface AssessOptions {
  tolerance: number;
  /** True: BOUNDED_COMPARISON's limits (bounds instead of exact distances beyond them); false (default): the engine's full limits. */
  bounded?: boolean;
  /** Aborting stops the comparison, including distance computations in worker threads. */
  signal?: AbortSignal;
}

/** Runs the assessment engine on two records (a request from `a` toward `b`). */
export async function assessPair(deps: Deps, a: RecordDoc, b: RecordDoc, options: AssessOptions): Promise<PairAssessment> {
  const limits = options.bounded ? BOUNDED_COMPARISON : {};
  const evidence = await compareRecords(deps, a, b, { tolerance: options.tolerance, ...limits, signal: options.signal });
  return {
    evidence: evidence as unknown as JsonValue,
    cell: evidence.cell,
    propositions: {
      default: allowedPropositions('default', evidence),
      visual: allowedPropositions('visual', evidence),
      custom: allowedPropositions('custom', evidence),
    },
    refusal: (method, proposition) => {
      const check = checkProposition(method, proposition, evidence);
      return check.ok ? undefined : check.message;
    },
  };
}
