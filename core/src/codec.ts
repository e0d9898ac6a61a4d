/**
 * The one codec for client-supplied free-form JSON (parameters, system, program, custom fields).
 *
 * Such values may hold keys with ".", keys starting with "$", empty keys and arrays of arrays.
 * FerretDB rejects all of those, and raw "$" keys in a stored document are a query-injection
 * risk. Nothing queries inside free-form values, so they are stored as their JSON text: the
 * database never sees client keys, and a round trip gives back exactly the JSON that was sent.
 */

import type { Evidence } from '@reprise/rules';

/** A JSON value as parsed from a request body. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** How deep free-form JSON may nest; deeper bodies are refused before they reach the database. */
export const MAX_JSON_DEPTH = 64;

/** Encodes a free-form JSON value for storage. */
export function encodeFreeform(value: JsonValue): string {
  return JSON.stringify(value);
}

/** Decodes a stored free-form value; absent values decode to undefined. */
/** The stored form of a comparison's evidence: its JSON text (evidence holds no client-chosen object keys, so it needs no escaping). */
export function encodeEvidence(evidence: Evidence): string {
  return JSON.stringify(evidence);
}

/** Stored evidence as it was computed (undefined when none is stored). */
export function decodeEvidence(stored: string | null | undefined): Evidence | undefined {
  if (stored === undefined || stored === null) return undefined;
  // Written by encodeEvidence from an Evidence: parsing gives that value back.
  return JSON.parse(stored) as Evidence;
}

export function decodeFreeform(stored: string | null | undefined): JsonValue | undefined {
  if (stored === undefined || stored === null) return undefined;
  return JSON.parse(stored) as JsonValue;
}

/** Returns the nesting depth of a JSON value (a scalar has depth 0), stopping early past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH + 1): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const [node, depth] = entry;
    if (node === null || typeof node !== 'object') continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, inner]);
  }
  return deepest;
}

/** Serializes JSON with object keys sorted, so that equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
