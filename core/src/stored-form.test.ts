import fc from 'fast-check';
import mongoose, { Types, type Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { RECORD_STATUSES } from '@reprise/rules';
import { createModels, type Models } from './models/index.js';
import { storedForm, storedFormPlan } from './stored-form.js';

// Models on a connection that never connects: building and validating documents needs no database.
const models: Models = createModels(mongoose.createConnection());
const NOW = new Date('2026-11-30T05:00:00.000Z');

/** What mongoose gives for a new document (the way ScopedCollection.create used to build it), or its refusal. */
async function throughMongoose(model: Model<unknown>, input: Record<string, unknown>): Promise<{ ok: Record<string, unknown> } | { refused: string }> {
  try {
    const created = new model(input);
    await created.validate();
    const at: unknown = created.get('created') ?? NOW;
    created.set('created', at);
    if (model.schema.path('updated')) created.set('updated', at);
    return { ok: created.toObject() as Record<string, unknown> };
  } catch (error) {
    return { refused: (error as Error).name };
  }
}

/** The keys of a value at every depth, in order: mongoose's key order is part of what is stored. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, keyOrder(inner)]);
  }
  return null;
}

const id = fc.constant(null).map(() => new Types.ObjectId());
const text = fc.string({ maxLength: 6 });
const date = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms));
/** Values of the wrong type, or ones mongoose casts or refuses: the stored form must leave each to mongoose. */
const odd = fc.constantFrom<unknown>('', '12', 'true', '6b0caf8010eb9a08ffd6bbfa', 7, Number.NaN, Number.POSITIVE_INFINITY, true, new Date(Number.NaN), {}, [], [null], null);
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: valid }, { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: odd });

const fileRef = fc.record(
  { name: maybe(text), path: maybe(fc.option(text)), sha256: maybe(fc.option(text)), sha1: maybe(text), size: maybe(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }))), mediaType: maybe(text), file: maybe(fc.option(id)) },
  { requiredKeys: [] },
);
const recordInput = fc.record(
  {
    _id: maybe(id),
    project: maybe(id),
    owner: maybe(id),
    private: maybe(fc.boolean()),
    container: maybe(fc.option(id)),
    label: maybe(text),
    status: maybe(fc.constantFrom(...RECORD_STATUSES, 'exploded')),
    statusHistory: maybe(fc.array(fc.record({ status: maybe(fc.constantFrom(...RECORD_STATUSES)), at: maybe(date) }, { requiredKeys: [] }), { maxLength: 3 })),
    program: maybe(fc.option(text)),
    parameters: maybe(fc.option(text)),
    inputs: maybe(fc.array(fileRef, { maxLength: 3 })),
    outputs: maybe(fc.array(fileRef, { maxLength: 3 })),
    dependencies: maybe(fc.array(fc.record({ name: maybe(text), version: maybe(text), manager: maybe(fc.option(text)), source: maybe(text) }, { requiredKeys: [] }), { maxLength: 3 })),
    system: maybe(text),
    tags: maybe(fc.array(text, { maxLength: 3 })),
    reason: maybe(text),
    duration: maybe(fc.option(fc.integer())),
    custom: maybe(fc.option(text)),
    sumatra: maybe(fc.option(fc.record({ document: maybe(text), stdoutInRecord: maybe(fc.boolean()), timestamp: maybe(fc.option(date)), tags: maybe(fc.array(text, { maxLength: 2 })) }, { requiredKeys: [] }))),
    values: maybe(fc.array(text, { maxLength: 3 })),
    seals: maybe(fc.array(id, { maxLength: 2 })),
    rev: maybe(fc.integer({ min: 0, max: 5 })),
    published: maybe(fc.boolean()),
    created: maybe(date),
    colour: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: text }),
  },
  { requiredKeys: [] },
);

/** Drops keys whose value is undefined (a record arbitrary leaves absent keys out, `maybe` may give undefined). */
function defined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

describe('the stored form of a new document', () => {
  it('is what mongoose builds, values and key order, or left to mongoose: never a document mongoose would refuse or store otherwise', async () => {
    const plan = storedFormPlan(models.Record);
    if (!plan) throw new Error('records have no plan');
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(recordInput, async (generated) => {
        const input = defined(generated);
        const direct = storedForm(plan, input, NOW);
        if (direct === undefined) return;
        answered += 1;
        const expected = await throughMongoose(models.Record as unknown as Model<unknown>, input);
        expect(expected).toHaveProperty('ok');
        if (!('ok' in expected)) return;
        if (input._id === undefined) {
          expect(direct._id).toBeInstanceOf(Types.ObjectId);
          direct._id = expected.ok._id;
        }
        expect(direct).toEqual(expected.ok);
        expect(keyOrder(direct)).toEqual(keyOrder(expected.ok));
      }),
      { numRuns: 3000 },
    );
    // Not a property that holds by never answering.
    expect(answered).toBeGreaterThan(20);
  });

  it('answers for every document whose values all have their schema types', async () => {
    const plan = storedFormPlan(models.Record);
    if (!plan) throw new Error('records have no plan');
    const owner = new Types.ObjectId();
    const input = {
      project: new Types.ObjectId(),
      owner,
      private: true,
      container: null,
      label: 'run-1',
      status: 'finished',
      statusHistory: [{ status: 'finished', at: NOW }],
      parameters: '{"seed":1}',
      inputs: [{ name: 'params.json', sha256: 'a'.repeat(64), size: 120, mediaType: 'application/json', path: null, file: null }],
      outputs: [],
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip', source: null }],
      tags: ['bench'],
      duration: 1.5,
      values: ['"parameters.seed"n3ff0000000000000'],
    };
    const direct = storedForm(plan, input, NOW);
    expect(direct).toBeDefined();
    const expected = await throughMongoose(models.Record as unknown as Model<unknown>, { ...input, _id: direct?._id });
    expect(expected).toEqual({ ok: direct });
    expect(direct?.created).toBe(NOW);
    expect(direct?.updated).toBe(NOW);
  });

  it('is built alike for every collection it has a plan for, from documents with their required fields only', async () => {
    const planned = Object.entries(models).flatMap(([name, model]) => {
      const plan = storedFormPlan(model as unknown as Model<unknown>);
      return plan ? [{ name, model, plan }] : [];
    });
    expect(planned.map(({ name }) => name)).toEqual(expect.arrayContaining(['Record', 'Notification', 'Job']));
    for (const { name, model, plan } of planned) {
      const input: Record<string, unknown> = {};
      for (const [path, type] of Object.entries((model as unknown as Model<unknown>).schema.paths)) {
        if (!type.isRequired) continue;
        const choices = (type.options as { enum?: unknown[] }).enum;
        input[path] = choices?.[0] ?? { String: 'x', Number: 1, Boolean: true, Date: NOW, ObjectId: new Types.ObjectId() }[type.instance];
      }
      const direct = storedForm(plan, input, NOW);
      expect(direct, name).toBeDefined();
      const expected = await throughMongoose(model as unknown as Model<unknown>, { ...input, _id: direct?._id });
      expect(expected, name).toEqual({ ok: direct });
      expect(keyOrder(direct), name).toEqual(keyOrder('ok' in expected ? expected.ok : null));
    }
  });
});
