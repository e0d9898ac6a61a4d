import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, createModels, ensureIndexes, filterShapeOf, GridFsBlobStore, listRecords, pushProject, type QueryShape } from '@reprise/core';
import { ALLOWED_SCANS, coverageReport, declaredIndexes, describeKey, readQueryShapes, servingIndex, unservedQueries, type IndexSpec } from './index-coverage.js';
import { makeUser } from './factories.js';

const records = (...keys: Array<Array<[string, 1 | -1]>>): IndexSpec[] => keys.map((key) => ({ collection: 'records', key, unique: false }));
const find = (filter: Record<string, unknown>, sort: Array<[string, 1 | -1]> = []): QueryShape => ({ collection: 'records', command: 'find', filter: filterShapeOf(filter), sort });
const newest: Array<[string, 1 | -1]> = [
  ['created', -1],
  ['_id', -1],
];

describe('the equality → sort → range rule', () => {
  it('serves equality then sort from an index with that prefix, in its direction or exactly reversed', () => {
    const indexes = records([['project', 1], ['created', -1], ['_id', -1]]);
    expect(servingIndex(find({ project: 'p' }, newest), indexes)).toBeDefined();
    expect(servingIndex(find({ project: 'p' }, [['created', 1], ['_id', 1]]), indexes)).toBeDefined();
    expect(servingIndex(find({ project: 'p' }, [['created', 1], ['_id', -1]]), indexes)).toBeUndefined();
  });

  it('serves an index that starts with some equalities then the sort, not one that starts with none, and names the index that would', () => {
    const indexes = records([['project', 1], ['created', -1], ['_id', -1]], [['project', 1], ['status', 1]]);
    expect(servingIndex(find({ project: 'p', status: 'finished' }, newest), indexes)).toBeDefined();
    expect(servingIndex(find({ project: 'p', status: 'finished' }, [['label', 1]]), indexes)).toBeUndefined();
    const shape = find({ status: 'finished' }, newest);
    expect(servingIndex(shape, indexes)).toBeUndefined();
    const [unserved] = unservedQueries([shape], indexes);
    expect(unserved?.description).toBe('records.find({status: eq}).sort({created: -1, _id: -1})');
    expect(unserved && describeKey(unserved.wanted)).toBe('{status: 1, created: -1, _id: -1}');
    expect(servingIndex(shape, [...indexes, ...records([['status', 1], ['created', -1], ['_id', -1]])])).toBeDefined();
  });

  it('takes a range after the sort, not before it', () => {
    const shape = find({ project: 'p', created: { $gte: new Date() } }, [['label', 1]]);
    expect(servingIndex(shape, records([['project', 1], ['created', 1], ['label', 1]]))).toBeUndefined();
    expect(servingIndex(shape, records([['project', 1], ['label', 1], ['created', 1]]))).toBeDefined();
    expect(servingIndex(find({ created: { $lt: new Date() } }), records([['created', 1]]))).toBeDefined();
  });

  it('serves an equality on _id or on every field of a unique index, whatever else the filter holds', () => {
    expect(servingIndex(find({ _id: 'x', owner: 'u', rev: 3 }), [])).toBeUndefined();
    const withId: IndexSpec[] = [{ collection: 'records', key: [['_id', 1]], unique: true }];
    expect(servingIndex(find({ _id: 'x', owner: 'u', rev: 3 }), withId)).toBeDefined();
    const unique: IndexSpec[] = [{ collection: 'records', key: [['project', 1], ['label', 1]], unique: true }];
    expect(servingIndex(find({ project: 'p', label: 'l', owner: 'u' }), unique)).toBeDefined();
    expect(servingIndex(find({ status: 'finished' }), unique)).toBeUndefined();
  });

  it("takes a record's owner and visibility as fixed by its project, whose copies they are", () => {
    const indexes = records([['project', 1], ['created', -1], ['_id', -1]]);
    expect(servingIndex(find({ project: 'p', owner: 'u', private: false }, newest), indexes)).toBeDefined();
    expect(servingIndex(find({ owner: 'u', private: false }, newest), indexes)).toBeUndefined();
    const users: IndexSpec[] = [{ collection: 'users', key: [['project', 1], ['owner', 1]], unique: false }];
    expect(servingIndex({ collection: 'users', filter: filterShapeOf({ owner: 'u' }), sort: [] }, users)).toBeUndefined();
  });

  it('serves an $or when each alternative is served, and a filter that bounds nothing never', () => {
    const visible = { $or: [{ owner: 'u' }, { private: false }] };
    const indexes = records([['owner', 1], ['created', -1], ['_id', -1]]);
    expect(servingIndex(find(visible, newest), indexes)).toBeUndefined();
    expect(servingIndex(find(visible, newest), [...indexes, ...records([['private', 1], ['created', -1], ['_id', -1]])])).toBeDefined();
    expect(servingIndex(find({}), indexes)).toBeUndefined();
    expect(servingIndex(find({ reason: /word/i }), records([['reason', 1]]))).toBeUndefined();
  });
});

describe('the index-coverage check on real queries', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reprise-coverage-test-'));
  const uri = inject('mongodbUri');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records what the services ask, and fails a query no declared index serves with the index it lacks', async () => {
    const connection = await connectDatabase(uri, { dbName: `coverage_${process.pid}`, queryShapeDir: dir });
    try {
      const models = createModels(connection);
      await ensureIndexes(models);
      const { user } = await makeUser(models);
      const actor = { id: user._id, name: user.name };
      const deps = { models, blobs: new GridFsBlobStore(connection) };
      const { project } = await pushProject(deps, actor, 'coverage', {});
      await listRecords(deps, actor, project, { status: 'finished', limit: 20 });
      // Sent from this test itself: recorded as the test's, and not checked.
      await models.Record.find({ reason: 'why' }).lean();
      await connection.db?.dropDatabase();
    } finally {
      await connection.close();
    }
    const lines = readdirSync(dir).flatMap((file) => readFileSync(path.join(dir, file), 'utf8').trim().split('\n'));
    expect(lines.map((line) => JSON.parse(line) as QueryShape).filter((shape) => shape.collection === 'records' && shape.filter.fields.reason)).toMatchObject([{ test: true }]);
    const shapes = readQueryShapes(dir);
    const list = shapes.find((shape) => shape.collection === 'records' && shape.command === 'find' && shape.filter.fields.status === 'eq');
    expect(list?.origins.join()).toMatch(/core\/src\/services\/records\.ts/);
    expect(list && servingIndex(list, declaredIndexes())).toBeDefined();
    const unserved = unservedQueries(shapes, declaredIndexes(), ALLOWED_SCANS);
    expect(unserved).toEqual([]);
    // The same list without the indexes that start with the project: the report names the query, the index and the code.
    const before = declaredIndexes().filter((index) => !(index.collection === 'records' && index.key[0]?.[0] === 'project'));
    const report = coverageReport(unservedQueries(shapes, before, ALLOWED_SCANS), '/');
    expect(report).toContain('records.find({project: eq, status: eq}).sort({created: -1, _id: -1})');
    expect(report).toMatch(/from .*core\/src\/services\/records\.ts/);
  });
});
