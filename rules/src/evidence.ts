/**
 * The evidence of a comparison of two records: everything a reviewer needs side by side, and what
 * the assessment table decides from. The shapes are openapi.yaml's (the Evidence schema and its
 * parts), so what the engine computes, what is stored and what clients read are one type. Plain
 * JSON (ids and dates as strings, no client-supplied object keys anywhere: free-form values appear
 * only as JSON Pointer strings and scalar leaves), so it is stored as is and sent unchanged.
 */
import type { Schemas } from '@reprise/contract';

/**
 * Version of the evidence shape; bumped when a field changes meaning (2: outputs without a common
 * digest are not comparable; 3: text outputs that are tables of numbers or JSON compare value by value).
 */
export const EVIDENCE_VERSION = 3;

/**
 * A cell of the assessment table (paper table 1), or `not-comparable` when the outputs could not
 * be compared (no digest both sides have): the table has no row for them, so the pair is in no cell.
 */
export type Cell = Schemas['AssessmentCell'];

/** The comparison of records A and B. */
export type Evidence = Schemas['Evidence'];
/** Which record a side of the comparison is. */
export type EvidenceRecord = Evidence['a'];
/** Whether both records ran the same code, and on what basis (`unknown`: nothing shows it is the same, so it counts as different). */
export type CodeEvidence = Evidence['code'];
/** Everything that identifies the code one record ran. */
export type CodeIdentity = Schemas['CodeIdentity'];
/** The source version a record ran, from its program's `versionControl`, else its container's `version`. */
export type VcsIdentity = Schemas['VcsIdentity'];
/** The container image of a record's container: an uploaded file's sha256 and/or a registry digest. */
export type ImageIdentity = Schemas['ImageIdentity'];
/** Whether both records had the same inputs: the same multiset of input digests and equal parameters. */
export type InputsEvidence = Evidence['inputs'];
/** Differences between two free-form JSON values (at most 200 listed). */
export type JsonDifferences = Schemas['JsonDifferences'];
/** A leaf that differs between two JSON values; an absent side is an omitted property. */
export type Difference = JsonDifferences['differences'][number];
/** Whether the outputs are the same (method default), or not comparable, with every pair. */
export type OutputsEvidence = Evidence['outputs'];
/** Two outputs paired by name (then path), and how they compare. */
export type OutputPair = Schemas['OutputPair'];
/** One side of an output pair. */
export type OutputSide = Schemas['OutputSide'];
/** Dependency changes from A to B, keyed by (manager, name). */
export type DependencyEvidence = Evidence['dependencies'];
/** Two outputs compared value by value (tables of numbers, JSON) with numpy's isclose rule. */
export type NumericComparison = Schemas['NumericComparison'];
/** The shape of one side of a numeric comparison: rows and columns of a table, or JSON leaves. */
export type NumericShape = Schemas['NumericShape'];
/** Two values and where they are (a largest difference, or a value that differs). */
export type NumericExtreme = Schemas['NumericExtreme'];
/** A place in a table (row, column, header name) or in JSON (a pointer). */
export type NumericLocation = Schemas['NumericLocation'];
