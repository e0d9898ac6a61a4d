import { describe, expect, it } from 'vitest';
import {
  createRecord,
  createUser,
  GridFsBlobStore,
  pathValuesOf,
  pushContainer,
  pushProject,
  renewToken,
  updateRecord,
  type Models,
} from '@reprise/core';
import { useTestDatabase } from '@reprise/tools/testing';
import { seed, type SeedShape } from './seed.js';

const db = useTestDatabase();

const SHAPE: SeedShape = { users: 2, projectsPerUser: 2, recordsPerProject: 3, seed: 7 };

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return (value as { _bsontype?: string } | undefined)?._bsontype ?? typeof value;
}

/**
 * Every field path of a stored document (array elements under `[]`) with the kind of value it
 * holds, as the database returns it: the fields whose absence start-up backfills look for, and
 * whose kinds reads and sorts depend on.
 */
function fieldPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, `${path}[]`));
  if (kindOf(value) !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const at = path === '' ? key : `${path}.${key}`;
    return [`${at}: ${kindOf(item)}`, ...fieldPaths(item, at)];
  });
}

function pathsOf(documents: unknown[]): string[] {
  return [...new Set(documents.flatMap((document) => fieldPaths(document)))].sort();
}

/** A user, project, container and finished record made through the services, as a tool pushes them. */
async function pushLikeATool(models: Models): Promise<void> {
  const deps = { models, blobs: new GridFsBlobStore(db.connection) };
  const user = await createUser(models, { email: 'pusher@example.org', name: 'Pusher' });
  await renewToken(models, user._id);
  const actor = { id: user._id, name: user.name };
  await pushProject(deps, actor, 'pushed', { description: 'Pushed by a tool.', goals: 'Compare.', tags: ['fractal'], private: false });
  await pushContainer(deps, actor, 'pushed', {
    system: 'docker',
    version: { vcs: 'git', commit: 'a'.repeat(40), branch: 'main', dirty: false },
    image: { reference: 'registry.example.org/pushed', digest: `sha256:${'b'.repeat(64)}` },
  });
  await createRecord(deps, actor, 'pushed', {
    label: 'run-00000',
    status: 'started',
    program: { command: 'python', arguments: ['simulate.py'] },
    parameters: { seed: 1, grid: [16, 32] },
    inputs: [{ name: 'params.json', path: 'config/params.json', sha256: 'c'.repeat(64), size: 100, mediaType: 'application/json' }],
    outputs: [{ name: 'out-0.csv', path: 'results', sha256: 'd'.repeat(64), size: 1000, mediaType: 'text/csv' }],
    dependencies: [{ name: 'numpy', version: '1.2.3', manager: 'pip' }],
    system: { os: 'Linux' },
    tags: ['fractal'],
    reason: 'a reason',
    outcome: 'an outcome',
    duration: 1.5,
    stdout: 'done\n',
    stderr: '',
  });
  await updateRecord(deps, actor, 'pushed', 'run-00000', { status: 'finished' });
}

describe('the seeded data set', () => {
  it('gives every record the values the service derives from its parameters and metrics, so the start-up backfill has nothing to do', async () => {
    await seed(db.models, SHAPE);
    const records = db.connection.collection('records');
    expect(await records.countDocuments({})).toBe(12);
    expect(await records.countDocuments({ values: { $exists: false } })).toBe(0);
    for (const record of await records.find({}).toArray()) {
      expect(record.values).toEqual(pathValuesOf(record.parameters as string | null, (record.metrics ?? null) as string | null));
      expect(record.values).toContainEqual(expect.stringMatching(/^"parameters\.seed"n/));
    }
  });

  it('stores users, projects, containers and records with exactly the fields, and kinds of value, that the services store', async () => {
    await seed(db.models, SHAPE);
    const seededIds = new Set<string>();
    for (const name of ['users', 'projects', 'containers', 'records']) {
      for (const document of await db.connection.collection(name).find({}).toArray()) seededIds.add(document._id.toHexString());
    }
    await pushLikeATool(db.models);
    for (const name of ['users', 'projects', 'containers', 'records']) {
      const all = await db.connection.collection(name).find({}).toArray();
      const seeded = all.filter((document) => seededIds.has(document._id.toHexString()));
      const pushed = all.filter((document) => !seededIds.has(document._id.toHexString()));
      expect(pushed.length, name).toBe(1);
      expect.soft(pathsOf(seeded), name).toEqual(pathsOf(pushed));
    }
  });
});
