import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@reprise/tools/testing';
import { canonicalJson, decodeFreeform, encodeFreeform, jsonDepth, type JsonValue } from './codec.js';

const db = useTestDatabase();

/** JSON values whose keys are the awkward ones: ".", leading "$", empty, and arrays of arrays. */
const awkwardKey = fc.oneof(fc.string(), fc.constantFrom('', '.', 'a.b', '$gt', '$where', '$', '..', '__proto__', 'constructor', '\u0000'));
const awkwardJson: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkwardKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('free-form JSON codec', () => {
  it('round-trips any JSON value through the real database to exactly the same JSON text', async () => {
    const collection = db.connection.collection('codec_roundtrip');
    await fc.assert(
      fc.asyncProperty(awkwardJson, async (value) => {
        const { insertedId } = await collection.insertOne({ value: encodeFreeform(value) });
        const stored = await collection.findOne({ _id: insertedId });
        const decoded = decodeFreeform(stored?.value as string);
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the order of keys as sent', () => {
    const value = JSON.parse('{"z":1,"a":{"$b":2,"":3}}') as JsonValue;
    expect(JSON.stringify(decodeFreeform(encodeFreeform(value)))).toBe('{"z":1,"a":{"$b":2,"":3}}');
  });

  it('decodes an absent value to undefined', () => {
    expect(decodeFreeform(null)).toBeUndefined();
    expect(decodeFreeform(undefined)).toBeUndefined();
  });
});

describe('canonicalJson', () => {
  it('gives equal text for equal values whatever their key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('distinguishes different values', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('jsonDepth', () => {
  it('measures nesting and stops early on absurd depth', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(jsonDepth(deep, 70)).toBe(71);
  });
});
