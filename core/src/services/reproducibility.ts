import type { Types } from 'mongoose';
import { access } from '../access.js';
import { PROPOSITIONS, type Proposition } from '@reprise/rules';
import type { ProjectDoc, RecordDoc } from '../models/index.js';
import { RequestScope, Scope } from '../scope.js';
import type { Deps } from './context.js';

/** Agreed requests counted by proposition. */
export type Tally = Record<Proposition, number> & { total: number };

/** A project's reproducibility: its agreed requests by proposition, for the project and for each of its records that has any. */
export interface Reproducibility {
  project: ProjectDoc;
  tally: Tally;
  records: Array<{ record: Types.ObjectId; label: string; tally: Tally }>;
}

/** A tally of zero everywhere. */
function emptyTally(): Tally {
  return { repeated: 0, reproduced: 0, 'non-repeated': 0, 'non-reproduced': 0, total: 0 };
}

/**
 * Tallies the agreed diff requests toward the records of a project the caller has found through a scope: the owner of the project confirmed
 * each of them. A pair of records counts once (duplicates agreed before one request per pair was
 * enforced included). Such old duplicates could make different propositions about one pair: the
 * pair then counts under the first of them in table order (repeated, reproduced, non-repeated,
 * non-reproduced). One $match + $group with $sum (FerretDB 1.24 has no $min/$first accumulators).
 */
export async function reproducibilityOf(deps: Deps, project: ProjectDoc): Promise<Reproducibility> {
  const { requests, records: allRecords } = access(deps);
  const groups = await requests.aggregate<{ _id: { toward: Types.ObjectId; from: Types.ObjectId; proposition: Proposition }; n: number }>(
    RequestScope.towardProject(project._id),
    { towardProject: project._id, status: 'agreed' },
    [{ $group: { _id: { toward: '$toward', from: '$from', proposition: '$proposition' }, n: { $sum: 1 } } }],
  );
  const pairs = new Map<string, { toward: Types.ObjectId; proposition: Proposition }>();
  for (const group of groups) {
    if (!PROPOSITIONS.includes(group._id.proposition)) continue;
    const key = `${group._id.from.toHexString()}:${group._id.toward.toHexString()}`;
    const known = pairs.get(key);
    if (!known || PROPOSITIONS.indexOf(group._id.proposition) < PROPOSITIONS.indexOf(known.proposition)) {
      pairs.set(key, { toward: group._id.toward, proposition: group._id.proposition });
    }
  }
  const tally = emptyTally();
  const perRecord = new Map<string, { record: Types.ObjectId; tally: Tally }>();
  for (const pair of pairs.values()) {
    const key = pair.toward.toHexString();
    const entry = perRecord.get(key) ?? { record: pair.toward, tally: emptyTally() };
    entry.tally[pair.proposition] += 1;
    entry.tally.total += 1;
    tally[pair.proposition] += 1;
    tally.total += 1;
    perRecord.set(key, entry);
  }
  // Without agreed requests there is nothing to look up (FerretDB would scan every record for an empty $in).
  const records =
    perRecord.size === 0
      ? []
      : await allRecords
          .find(Scope.within(project), { _id: { $in: [...perRecord.values()].map((entry) => entry.record) }, project: project._id }, { label: 1 })
          .lean<Array<Pick<RecordDoc, '_id' | 'label'>>>();
  const labels = new Map(records.map((record) => [record._id.toHexString(), record.label]));
  return {
    project,
    tally,
    records: [...perRecord.values()]
      .filter((entry) => labels.has(entry.record.toHexString()))
      .map((entry) => ({ ...entry, label: labels.get(entry.record.toHexString()) ?? '' }))
      .sort((a, b) => b.tally.total - a.tally.total || a.label.localeCompare(b.label)),
  };
}

/** The text of a reproducibility badge's right half, like "3 repeated · 1 reproduced", or "none yet". */
export function badgeText(tally: Tally): string {
  const parts = PROPOSITIONS.filter((proposition) => tally[proposition] > 0).map((proposition) => `${tally[proposition]} ${proposition}`);
  return parts.length > 0 ? parts.join(' · ') : 'none yet';
}
