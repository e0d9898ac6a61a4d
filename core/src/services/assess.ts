import type { JsonValue } from '../codec.js';
import type { Cell } from '../assessment/evidence.js';
import type { Proposition } from '../assessment/table.js';
import type { DiffMethod, RecordDoc } from '../models/index.js';
import type { Deps } from './context.js';
import { allowedPropositions, checkProposition, compareRecords } from '../assessment/index.js';

/** The assessment of a pair of records: evidence, table cell and the propositions each method allows. */
export interface PairAssessment {
  evidence: JsonValue;
  cell: Cell;
  propositions: Record<DiffMethod, Proposition[]>;
  /** Why a proposition is refused for a method, naming the cell (the message of the 422); undefined when it is allowed. */
  refusal(method: DiffMethod, proposition: Proposition): string | undefined;
}

/** Runs the assessment engine on two records (a request from `a` toward `b`). */
export async function assessPair(deps: Deps, a: RecordDoc, b: RecordDoc, options: { tolerance: number }): Promise<PairAssessment> {
  const evidence = await compareRecords(deps, a, b, { tolerance: options.tolerance });
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
