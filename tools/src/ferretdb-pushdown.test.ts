import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatabase, type Database } from './db.js';

const { MongoClient, ObjectId, BSON } = mongoose.mongo;
type Client = InstanceType<typeof MongoClient>;
type Doc = Record<string, unknown>;

// Two embedded engines built from the same patched source: one answers from its indexes, the
// other (FERRETDB_PUSHDOWN=off) reads and filters every document as FerretDB 1.24 does.
const dirs: string[] = [];
const servers: Database[] = [];
let withPushdown: Client;
let without: Client;

beforeAll(async () => {
  const start = async (pushdown: 'on' | 'off') => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `reprise-pushdown-${pushdown}-`));
    dirs.push(dataDir);
    const db = await startDatabase({ dataDir, prefer: 'ferretdb', env: { ...process.env, FERRETDB_PUSHDOWN: pushdown } });
    servers.push(db);
    const client = new MongoClient(db.uri);
    await client.connect();
    return client;
  };
  [withPushdown, without] = await Promise.all([start('on'), start('off')]);
}, 300_000);

afterAll(async () => {
  await withPushdown?.close();
  await without?.close();
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Small pools of values, so that generated queries hit generated documents often, with ties.
const ids = ['6560000000000000000000a1', '6560000000000000000000a2', '6560000000000000000000b3'].map((hex) => new ObjectId(hex));
const dates = [
  new Date('2024-03-01T00:00:00.000Z'),
  new Date('2024-03-01T00:00:00.001Z'),
  new Date('2025-01-01T00:00:00.000Z'),
  new Date('1999-12-31T23:59:59.999Z'), // 12-digit milliseconds: text order differs from number order
  new Date(-86_400_000), // before 1970
];
const strings = ['a', 'b', 'crashed', 'finished', '<x>&"q"\\', 'é ü', '6560000000000000000000a1', ''];
const numbers = [0, -0, 1, 1.5, 2, -1, 1_700_000_000_000, 2 ** 53 + 2];
// Integers as GridFS numbers its chunks (int32), and as int64: a field that only held these is
// compared as the text of its index; equal doubles, fractions and huge doubles must still answer right.
const integers = [0, 1, 2, 3, -1, 2_147_483_647, new BSON.Long(2), new BSON.Long(2 ** 40)];
const integerQueries = [...integers, -0, 2.0, 1.5, 2 ** 40, 2 ** 53 + 2, new BSON.Double(3), '2'];

/** Path values as records store them (`"path"` then a kind letter and the value), as the `where` filters match them. */
const pathValues = ['"lr"n3ff0000000000000', '"lr"n4000000000000000', '"lr"s0.1', '"lr"x', '"name"sadam', '"name"s', '"l"n3ff0000000000000'];

const anyScalar = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom(...dates),
  fc.constantFrom(...strings),
  fc.constantFrom(...numbers),
  fc.boolean(),
  fc.constant(null),
);
/** An element of a messy array: any scalar or an object (FerretDB refuses arrays in arrays). */
const anyElement = fc.oneof({ weight: 6, arbitrary: anyScalar as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.record({ x: anyScalar }) });
/**
 * A field usually holding its own kind of value; in a messy collection sometimes anything else,
 * an array (possibly empty) or an object (then the engine cannot push sorts and limits down and
 * must notice).
 */
const field = <T>(typical: fc.Arbitrary<T>, messy: boolean) =>
  messy
    ? fc.oneof(
        { weight: 8, arbitrary: typical as fc.Arbitrary<unknown> },
        { weight: 1, arbitrary: anyScalar },
        { weight: 1, arbitrary: fc.array(anyElement, { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.record({ x: anyScalar }) },
      )
    : (typical as fc.Arbitrary<unknown>);
const cleanDates = dates.slice(0, 3);
const documentArb = (messy: boolean) =>
  fc.record(
    {
      project: field(fc.constantFrom(...ids), messy),
      owner: field(fc.constantFrom(...ids), messy),
      private: field(fc.boolean(), messy),
      status: field(fc.constantFrom('crashed', 'finished', 'running'), messy),
      created: field(fc.constantFrom(...(messy ? dates : cleanDates)), messy),
      label: field(fc.constantFrom(...strings), messy),
      n: field(fc.constantFrom(...numbers), messy),
      k: field(fc.constantFrom(...integers), messy),
      tags: field(fc.array(fc.constantFrom(...strings), { maxLength: 3 }), messy),
      values: field(fc.array(fc.constantFrom(...pathValues, ...strings), { maxLength: 4 }), messy),
      // numbers or a single number, so that the field holds arrays and scalars of one kind
      nums: field(fc.oneof(fc.array(fc.constantFrom(...numbers), { maxLength: 3 }), fc.constantFrom(...numbers)), messy),
    },
    { requiredKeys: messy ? [] : ['project', 'owner', 'private', 'created'] },
  );
const documentsArb = fc.boolean().chain((messy) => fc.array(documentArb(messy), { maxLength: 40 }));

const fieldNames = ['project', 'owner', 'private', 'status', 'created', 'label', 'n', 'k', 'tags', 'values', 'nums'] as const;
const fieldName = fc.constantFrom(...fieldNames, '_id');
const idOf = (i: number) => new ObjectId(`65600000000000000000${(((i * 7919) % 4096) + 4096).toString(16).slice(-4)}`);
const someId = fc.integer({ min: 0, max: 60 }).map(idOf);

/**
 * Regular expressions as Reprise sends them (a label prefix, a path's values of a kind, a number
 * range over a path's values) and others that must not be taken for a prefix: options, alternatives,
 * no anchor, a multi-line anchor, characters JSON escapes, an invalid one.
 */
const patterns = [
  '^a',
  '^cr',
  '^crashed$',
  '^',
  '^<x>&"q"\\\\',
  '^é',
  '^(?:a|b)',
  '^a|b',
  'a',
  '(?m)^b',
  '^"lr"n',
  '^"lr"n(?:3[0-9a-f]|40)',
  '^"lr"s0\\.1',
  '^"name"s',
  '^"l',
  '^6560',
  '^(',
];
const regexAtom: fc.Arbitrary<Doc> = fc.oneof(
  fc.tuple(fieldName, fc.constantFrom(...patterns)).map(([name, pattern]) => ({ [name]: { $regex: pattern } })),
  fc.tuple(fieldName, fc.constantFrom(...patterns), fc.constantFrom('i', 's', 'm', 'x', 'q')).map(([name, pattern, options]) => ({ [name]: { $regex: pattern, $options: options } })),
  fc.tuple(fieldName, fc.constantFrom(...patterns.slice(0, -1))).map(([name, pattern]) => ({ [name]: new BSON.BSONRegExp(pattern) })),
);

/** Filters of the shapes Reprise sends: equality, $in, ranges, regular expressions, cursor and scope $or, $and. */
const atom: fc.Arbitrary<Doc> = fc.oneof(
  fc.tuple(fieldName, anyScalar).map(([name, value]) => ({ [name]: value })),
  fc.tuple(fc.constantFrom('tags', 'values'), fc.constantFrom(...pathValues, ...strings)).map(([name, value]) => ({ [name]: value })),
  fc.tuple(fc.constantFrom('tags', 'values', 'nums'), fc.array(fc.oneof(fc.constantFrom(...pathValues), anyScalar), { minLength: 1, maxLength: 3 })).map(([name, values]) => ({ [name]: { $in: values } })),
  regexAtom,
  fc.tuple(fieldName, fc.constantFrom('$eq', '$ne', '$lt', '$lte', '$gt', '$gte'), anyScalar).map(([name, op, value]) => ({ [name]: { [op]: value } })),
  fc.tuple(fieldName, fc.array(anyScalar, { minLength: 1, maxLength: 3 })).map(([name, values]) => ({ [name]: { $in: values } })),
  fc.tuple(fc.constantFrom(...dates), someId, fc.constantFrom('$lt', '$gt')).map(([date, id, op]) => ({
    $or: [{ created: { [op]: date } }, { created: date, _id: { [op]: id } }],
  })),
  fc.constantFrom(...ids).map((owner) => ({ $or: [{ owner }, { private: false }] })),
  fc.tuple(fc.constantFrom(...dates), fc.constantFrom(...dates)).map(([from, to]) => ({ created: { $gte: from, $lt: to } })),
  someId.map((id) => ({ _id: id })),
  // documents named by _id, as the owners and project names of a page are read (beside the scope's $or)
  fc.array(someId, { minLength: 1, maxLength: 4 }).map((named) => ({ _id: { $in: named } })),
  someId.map((id) => ({ _id: { $eq: id } })),
  fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...integerQueries)).map(([project, k]) => ({ project, k })),
  fc.tuple(fc.constantFrom(...ids), fc.array(fc.constantFrom(...integerQueries), { minLength: 1, maxLength: 4 })).map(([project, ks]) => ({ project, k: { $in: ks } })),
  someId.map((id) => ({ _id: { $lt: id } })),
  fc.constantFrom({ label: { $regex: '^a' } }, { tags: 'a' }, { created: { $exists: true } }, { 'tags.0': 'a' }),
);
/** Documents named by _id beside conditions that must still hold, as the owners and project names of a page are read. */
const namedArb: fc.Arbitrary<Doc> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 7 }).map(idOf), { minLength: 2, maxLength: 6 }),
    fc.oneof(
      atom,
      fc.constantFrom(...ids).map((owner) => ({ $or: [{ owner }, { private: false }] })),
      fc.boolean().map((only) => ({ private: only })),
      fc.constantFrom('crashed', 'finished').map((status) => ({ status })),
    ),
  )
  .map(([named, other]) => ({ ...other, _id: { $in: named } }));
const filterArb: fc.Arbitrary<Doc> = fc.oneof(
  fc.constant({}),
  atom,
  fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => ({ $and: atoms })),
  fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => Object.assign({}, ...atoms) as Doc),
  namedArb,
);
const sortArb = fc.constantFrom<Record<string, 1 | -1> | undefined>(
  undefined,
  { created: -1, _id: -1 },
  { created: 1, _id: 1 },
  { created: -1, _id: 1 },
  { created: -1 },
  { project: 1, created: -1 },
  { owner: 1, _id: -1 },
  { private: -1, _id: 1 },
  { label: 1, _id: 1 },
  { n: -1, _id: 1 },
  { nums: 1, _id: 1 },
  { _id: -1 },
);
// Exclusion projections leave fields out in SQLite unless the filter or the sort use them;
// inclusions, dotted paths and mixed projections stay with FerretDB.
const projectedFields = ['project', 'owner', 'private', 'status', 'created', 'label', 'n', 'k', 'tags', 'values', 'nums', 'absent'];
const projectionArb = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...projectedFields), { minLength: 1, maxLength: 6 }).map((fields) => Object.fromEntries(fields.map((f) => [f, 0]))),
  fc.uniqueArray(fc.constantFrom(...projectedFields), { minLength: 1, maxLength: 4 }).map((fields) => ({ ...Object.fromEntries(fields.map((f) => [f, false])), _id: 0 })),
  fc.constantFrom({ label: 1 }, { label: 1, _id: 0 }, { 'tags.x': 0, n: 0 }, { n: 0, label: 1 }, { status: 0.0, k: new BSON.Int32(0), n: new BSON.Long(0) }),
);
const queryArb = fc.record({
  filter: filterArb,
  sort: sortArb,
  limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  skip: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  projection: fc.option(projectionArb, { nil: undefined }),
});
type Query = typeof queryArb extends fc.Arbitrary<infer Q> ? Q : never;

/** What a call answered, as canonical extended JSON (types included), or the error it raised. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    return BSON.EJSON.stringify(await call(), { relaxed: false });
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Runs the same queries on both engines and returns what each answered. */
async function answers(client: Client, name: string, docs: Doc[], queries: Query[]): Promise<string[]> {
  const collection = client.db('pushdown').collection(name);
  await collection.drop().catch(() => undefined);
  if (docs.length > 0) await collection.insertMany(docs.map((doc, i) => ({ _id: idOf(i), ...doc })));
  // The indexes Reprise declares on records, so that the pushed-down WHERE is answered from them.
  await collection.createIndexes([
    { key: { project: 1, created: -1, _id: -1 } },
    { key: { owner: 1, created: -1, _id: -1 } },
    { key: { private: 1, created: -1, _id: -1 } },
    { key: { project: 1, label: 1 } },
    { key: { created: 1 } },
    { key: { project: 1, tags: 1, created: -1, _id: -1 } },
    { key: { project: 1, values: 1 } },
    { key: { project: 1, k: 1 } },
  ]);
  const results: string[] = [];
  for (const { filter, sort, limit, skip, projection } of queries) {
    results.push(
      await outcome(() => {
        let cursor = collection.find(filter);
        if (projection) cursor = cursor.project(projection);
        if (sort) cursor = cursor.sort(sort);
        if (skip) cursor = cursor.skip(skip);
        if (limit) cursor = cursor.limit(limit);
        return cursor.toArray();
      }),
      await outcome(() => collection.countDocuments(filter)),
      await outcome(() => collection.countDocuments(filter, { skip, limit })),
      await outcome(() => client.db('pushdown').command({ count: name, query: filter })),
      await outcome(() => client.db('pushdown').command({ count: name, query: filter, ...(skip ? { skip } : {}), ...(limit ? { limit } : {}) })),
      await outcome(() => collection.distinct('status', filter)),
      await outcome(() => collection.aggregate([{ $match: filter }, { $sort: sort ?? { _id: 1 } }, { $limit: limit ?? 100 }]).toArray()),
    );
  }
  // Writes select their documents through the same path.
  const [update, remove] = queries;
  if (update) {
    results.push(await outcome(() => collection.updateMany(update.filter, { $set: { touched: true } })));
    results.push(await outcome(() => collection.findOneAndUpdate(update.filter, { $inc: { hits: 1 } }, { sort: update.sort ?? {} })));
  }
  if (remove) results.push(await outcome(() => collection.deleteMany(remove.filter)));
  results.push(await outcome(() => collection.find().toArray()));
  return results;
}

/**
 * Requires the engine with pushdown and the engine without it to answer the generated queries over
 * the generated documents alike, each run in a fresh collection named `prefix` and the run's number.
 */
async function answerAlike(docsArb: fc.Arbitrary<Doc[]>, queriesArb: fc.Arbitrary<Query[]>, prefix: string, numRuns: number): Promise<void> {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(docsArb, queriesArb, async (docs, queries) => {
      run += 1;
      const name = `${prefix}${run}`;
      const [on, off] = await Promise.all([answers(withPushdown, name, docs, queries), answers(without, name, docs, queries)]);
      expect(on).toEqual(off);
    }),
    { numRuns },
  );
}

describe('embedded FerretDB query pushdown', () => {
  it('answers generated queries exactly as the engine without pushdown does', async () => {
    await answerAlike(documentsArb, fc.array(queryArb, { minLength: 1, maxLength: 6 }), 'c', 150);
  }, 480_000);

  it('finds a project by its index instead of scanning the collection', async () => {
    const plan = async (client: Client) => {
      const collection = client.db('pushdown').collection('plan');
      await collection.drop().catch(() => undefined);
      await collection.insertMany(ids.map((project, i) => ({ project, created: dates[i] })));
      await collection.createIndex({ project: 1, created: -1, _id: -1 });
      const explained = await collection.find({ project: ids[0] }).sort({ created: -1, _id: -1 }).explain();
      return JSON.stringify(explained.queryPlanner);
    };
    expect(await plan(withPushdown)).toMatch(/USING INDEX \S+_project_1_created_-1__id_-1/);
    expect(await plan(without)).not.toMatch(/USING INDEX/);
  });

  it('answers a filter naming its documents by _id, beside other conditions, exactly as without pushdown, limits included', async () => {
    // A clean collection (the engine pushes the limit when the filter is exact) and small limits:
    // the other conditions must still apply to the documents the _id index finds.
    const query: fc.Arbitrary<Query> = fc
      .record({ filter: namedArb, sort: fc.constantFrom<Query['sort']>(undefined, { created: -1, _id: -1 }), limit: fc.integer({ min: 1, max: 3 }) })
      .map((q) => ({ ...q, skip: undefined, projection: undefined }));
    await answerAlike(fc.array(documentArb(false), { minLength: 8, maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 4 }), 'named', 40);
  }, 240_000);

  it('finds documents by _id through the unique _id index: alone, in a list, and beside conditions other indexes serve', async () => {
    const plan = async (client: Client, filter: Doc) => {
      const collection = client.db('pushdown').collection('named');
      await collection.drop().catch(() => undefined);
      // As projects: the visibility conditions have indexes of their own.
      await collection.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: idOf(i), owner: ids[i % 3], private: i % 2 === 0, activity: dates[i % 3] })));
      await collection.createIndexes([{ key: { owner: 1, private: 1 } }, { key: { private: 1, activity: -1, _id: -1 } }]);
      return JSON.stringify((await collection.find(filter).explain()).queryPlanner);
    };
    const byIdIndex = /SEARCH \S+ USING INDEX \S+__id_ /;
    // as the lists of owners and of project names are read
    const named = [{ _id: idOf(7) }, { _id: { $in: [idOf(1), idOf(2), idOf(40)] } }, { $or: [{ owner: ids[0] }, { private: false }], _id: { $in: [idOf(1), idOf(2)] } }];
    for (const filter of named) {
      const planned = await plan(withPushdown, filter);
      expect(planned).toMatch(byIdIndex);
      expect(planned).not.toMatch(/MULTI-INDEX OR|SCAN/);
    }
    // FerretDB's own path for {_id: x}, which the engine without pushdown keeps.
    expect(await plan(without, { _id: idOf(7) })).toMatch(byIdIndex);
  });

  it('explains a sorted, limited find by the plan it runs: the index that gives the page of a project, no sort in memory', async () => {
    const plan = async (client: Client) => {
      const collection = client.db('pushdown').collection('paged');
      await collection.drop().catch(() => undefined);
      await collection.insertMany(ids.map((project, i) => ({ project, created: dates[i], updated: dates[i] })));
      // As on records: several indexes start with the project.
      await collection.createIndexes([{ key: { project: 1, updated: -1, _id: -1 } }, { key: { project: 1, created: -1, _id: -1 } }, { key: { project: 1, label: 1 } }]);
      const explained = await collection.find({ project: ids[0] }).sort({ created: -1, _id: -1 }).limit(21).explain();
      return JSON.stringify(explained.queryPlanner);
    };
    const paged = await plan(withPushdown);
    expect(paged).toMatch(/USING INDEX \S+_project_1_created_-1__id_-1/);
    expect(paged).not.toMatch(/TEMP B-TREE/);
    expect(await plan(without)).not.toMatch(/USING INDEX/);
  });

  it("pages a scope's $or by walking each branch's index and reading only the page's documents, by rowid", async () => {
    const collection = withPushdown.db('pushdown').collection('scoped');
    await collection.drop().catch(() => undefined);
    await collection.insertMany(ids.map((owner, i) => ({ owner, private: i % 2 === 0, created: dates[i], stdout: 'x'.repeat(1000) })));
    await collection.createIndexes([{ key: { owner: 1, created: -1, _id: -1 } }, { key: { private: 1, created: -1, _id: -1 } }]);
    const explained = await collection
      .find({ $or: [{ owner: ids[0] }, { private: false }] })
      .sort({ created: -1, _id: -1 })
      .limit(21)
      .explain();
    const plan = JSON.stringify(explained.queryPlanner);
    expect(plan).toMatch(/MERGE \(UNION\)/);
    expect(plan).toMatch(/USING INDEX \S+_owner_1_created_-1__id_-1/);
    expect(plan).toMatch(/USING INDEX \S+_private_1_created_-1__id_-1/);
    // the merged page's rows are then read by rowid; no branch scans the table
    expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).not.toMatch(/SCAN \S*scoped/);
  });

  it('leaves the fields a list drops out of the documents in SQLite, but not those its filter or sort use', async () => {
    const excluded = async (client: Client) => {
      const collection = client.db('pushdown').collection('listed');
      await collection.drop().catch(() => undefined);
      await collection.insertMany(ids.map((project, i) => ({ _id: idOf(i), project, created: dates[i], status: 'finished', stdout: 'x'.repeat(1000), program: 'p', a: { b: 1 } })));
      const explained = await collection
        .find({ project: ids[0], status: 'finished' })
        .project({ stdout: 0, status: 0, program: false, created: 0, 'a.b': 0 })
        .sort({ created: -1, _id: -1 })
        .limit(21)
        .explain();
      const found = await collection.find({ project: ids[0], status: 'finished' }).project({ stdout: 0, status: 0, program: false, created: 0, 'a.b': 0 }).toArray();
      return { fields: (explained as { excludedFields?: string[] }).excludedFields, found: BSON.EJSON.stringify(found) };
    };
    const on = await excluded(withPushdown);
    expect(on.fields).toEqual(['stdout', 'program']);
    const off = await excluded(without);
    expect(off.fields).toEqual([]);
    expect(on.found).toEqual(off.found);
    expect(JSON.parse(on.found)).toEqual([{ _id: expect.anything(), project: expect.anything(), a: {} }]);
  });

  it('counts the records of a project in SQLite from its index, without reading the documents', async () => {
    const explainCount = async (client: Client, query: Doc) => {
      const db = client.db('pushdown');
      await db.collection('counted').drop().catch(() => undefined);
      await db.collection('counted').insertMany(ids.map((project, i) => ({ project, created: dates[i], tags: ['a'], mixed: i === 0 ? [ids[1]] : ['a'] })));
      await db.collection('counted').createIndex({ project: 1, created: -1, _id: -1 });
      return (await db.command({ explain: { count: 'counted', query } })) as { countPushdown?: boolean; queryPlanner?: unknown };
    };
    const counted = await explainCount(withPushdown, { project: ids[0] });
    expect(counted.countPushdown).toBe(true);
    expect(JSON.stringify(counted.queryPlanner)).toMatch(/SEARCH \S+ USING (COVERING )?INDEX \S+_project_1_created_-1__id_-1/);
    // Membership in arrays that only ever held strings is counted in SQLite too.
    expect((await explainCount(withPushdown, { project: ids[0], tags: 'a' })).countPushdown).toBe(true);
    // An objectId in an array has the SQL text of a string: those documents are read and matched.
    expect((await explainCount(withPushdown, { mixed: 'a' })).countPushdown).toBe(false);
    expect((await explainCount(without, { project: ids[0] })).countPushdown).toBe(false);
  });

  it('pages the records of a project with a tag or a path value by walking its newest-first index, with no sort in memory', async () => {
    const plan = async (client: Client, filter: Doc) => {
      const collection = client.db('pushdown').collection('tagged');
      await collection.drop().catch(() => undefined);
      await collection.insertMany(
        ids.map((project, i) => ({ project, owner: ids[0], private: false, created: dates[i], tags: [`group-${i}`, 'all'], values: ['"lr"n3ff0000000000000', `"seed"n${i}`] })),
      );
      // As on records: several indexes start with the project, one with the owner, one is multikey over tags.
      await collection.createIndexes([
        { key: { project: 1, created: -1, _id: -1 } },
        { key: { project: 1, updated: -1, _id: -1 } },
        { key: { project: 1, label: 1 } },
        { key: { project: 1, tags: 1, created: -1, _id: -1 } },
        { key: { project: 1, values: 1 } },
        { key: { owner: 1, created: -1, _id: -1 } },
        { key: { private: 1, created: -1, _id: -1 } },
      ]);
      const explained = await collection.find(filter).sort({ created: -1, _id: -1 }).limit(21).explain();
      return JSON.stringify(explained.queryPlanner);
    };
    // what the record list asks for with ?tag=… as the project's owner and as anyone else, and with where=lr=1
    for (const filter of [
      { $and: [{ project: ids[0] }, { tags: 'all' }], project: ids[0] },
      { $and: [{ project: ids[0] }, { tags: 'all' }], private: false },
      { $and: [{ project: ids[0] }, { values: '"lr"n3ff0000000000000' }], project: ids[0] },
    ]) {
      const paged = await plan(withPushdown, filter);
      expect(paged).toMatch(/USING INDEX \S+_project_1_created_-1__id_-1/);
      expect(paged).not.toMatch(/TEMP B-TREE/);
    }
    // Public records with a tag, in no project: public records newest first, each tested for the tag
    // (a tag test uses no index, so it must not push the index of public records aside).
    const publicTagged = await plan(withPushdown, { tags: 'all', private: false });
    expect(publicTagged).toMatch(/USING INDEX \S+_private_1_created_-1__id_-1/);
    expect(publicTagged).not.toMatch(/TEMP B-TREE/);
    expect(await plan(without, { project: ids[0], tags: 'all' })).not.toMatch(/USING INDEX/);
  });
});
