import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@reprise/tools/testing';
import { access } from './access.js';
import { Scope } from './scope.js';

const db = useTestDatabase();
const deps = () => ({ models: db.models, blobs: db.blobs });

/** A stored document as the driver reads it (no mongoose casting), without what differs between two creations. */
async function stored(collection: 'records' | 'containers' | 'projects', id: unknown) {
  const document = await db.connection.db?.collection(collection).findOne({ _id: id as Types.ObjectId });
  if (!document) throw new Error(`${collection} ${String(id)} was not stored`);
  const { _id, created, updated, ...rest } = document as Record<string, unknown>;
  expect(_id).toBeInstanceOf(Types.ObjectId);
  expect(created).toBeInstanceOf(Date);
  // A new document's `updated` is its `created`, as mongoose's save() sets it.
  if ('updated' in document) expect(updated).toEqual(created);
  return { keys: Object.keys(document), rest };
}

/** Drops what differs between two creations of the same input (the id, the label, the times). */
function comparable(document: object): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...document };
  for (const key of ['_id', 'created', 'updated', 'label', 'name']) delete rest[key];
  return rest;
}

describe('documents created through the scoped collections', () => {
  it('are stored and returned exactly as mongoose create() stores and returns them: defaults, casts, subdocuments, key order, timestamps', async () => {
    const owner = new Types.ObjectId();
    const project = new Types.ObjectId();
    const file = new Types.ObjectId();
    const full = {
      project,
      owner,
      private: false,
      container: file.toHexString(),
      status: 'finished',
      statusHistory: [{ status: 'started', at: '2026-01-02T03:04:05.000Z' }, { status: 'finished', at: new Date('2026-01-02T03:05:00Z') }],
      program: '{"command":"python"}',
      parameters: '{"seed":1}',
      inputs: [{ name: 'in.csv', sha256: 'a'.repeat(64), size: '120', mediaType: 'text/csv', file: file.toHexString() }],
      outputs: [{ name: 'out.txt', path: 'out/out.txt', sha1: 'b'.repeat(40) }],
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }, { name: 'bare' }],
      tags: ['x', 'y'],
      duration: '1.5',
      sumatra: { document: '{}', timestamp: '2026-01-02T03:04:05Z', tags: ['_finished_'] },
      metrics: '{"error":0.1}',
      values: ['a', 'b'],
      seals: [file.toHexString()],
      rev: 0,
    };
    const minimal = { project, owner, private: true };
    for (const [index, input] of [full, minimal].entries()) {
      const viaAccess = await access(deps()).records.create(Scope.owner(owner), { ...input, label: `access-${index}` });
      const viaMongoose = (await db.models.Record.create({ ...input, label: `mongoose-${index}` })).toObject();
      expect(comparable(viaAccess)).toEqual(comparable(viaMongoose));
      expect(viaAccess.updated).toEqual(viaAccess.created);
      const [a, b] = [await stored('records', viaAccess._id), await stored('records', viaMongoose._id)];
      expect(a.keys).toEqual(b.keys);
      expect(comparable(a.rest)).toEqual(comparable(b.rest));
    }
    // The casts happened: numbers from strings, dates from ISO text, ids from hex.
    const cast = (await stored('records', (await access(deps()).records.create(Scope.owner(owner), { ...full, label: 'cast' }))._id)).rest;
    expect(cast).toMatchObject({ duration: 1.5, container: file, inputs: [{ size: 120, file, path: null }], statusHistory: [{ at: new Date('2026-01-02T03:04:05Z') }, {}] });

    // A collection without `updated` (containers), and one with defaults from functions (projects).
    const container = { project, owner, private: true, system: 'docker', version: { vcs: 'git', commit: 'abc' } };
    const containerA = await access(deps()).containers.create(Scope.owner(owner), container);
    const containerB = (await db.models.Container.create(container)).toObject();
    expect(comparable(containerA)).toEqual(comparable(containerB));
    const [ca, cb] = [await stored('containers', containerA._id), await stored('containers', containerB._id)];
    expect(ca.keys).toEqual(cb.keys);
    expect(ca.rest).not.toHaveProperty('updated');
    expect(comparable(ca.rest)).toEqual(comparable(cb.rest));
    const viaAccess = await access(deps()).projects.create(Scope.owner(owner), { owner, name: 'p1', tags: ['t'] });
    const viaMongoose = (await db.models.Project.create({ owner, name: 'p2', tags: ['t'] })).toObject();
    const { activity: activityA, ...projectA } = comparable(viaAccess);
    const { activity: activityB, ...projectB } = comparable(viaMongoose);
    expect(projectA).toEqual(projectB);
    expect(activityA).toBeInstanceOf(Date);
    expect(activityB).toBeInstanceOf(Date);
    expect((await stored('projects', viaAccess._id)).keys).toEqual((await stored('projects', viaMongoose._id)).keys);
  });

  it('refuse what mongoose create() refuses, writing nothing: a value outside an enum, a missing required field, an unknown field', async () => {
    const owner = new Types.ObjectId();
    const project = new Types.ObjectId();
    const records = access(deps()).records;
    for (const bad of [
      { project, owner, private: true, label: 'bad-status', status: 'exploded' },
      { project, owner, private: true, label: 'bad-input', inputs: [{ sha256: 'a' }] },
      { project, owner, private: true, label: 'bad-field', colour: 'red' },
    ]) {
      const viaAccess = await records.create(Scope.owner(owner), bad).then(() => null, (error: unknown) => error as Error);
      const viaMongoose = await db.models.Record.create(bad as Record<string, unknown>).then(() => null, (error: unknown) => error as Error);
      expect(viaAccess?.name).toBeDefined();
      expect(viaAccess?.name).toBe(viaMongoose?.name);
      expect(viaAccess?.message).toBe(viaMongoose?.message);
    }
    expect(await db.models.Record.countDocuments({ owner })).toBe(0);
  });
});
