import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { attachFiles } from './attachments.js';
import type { Actor } from './context.js';
import { pushProject } from './projects.js';
import { deleteRecord, deleteRecords } from './record-deletion.js';
import { replaceRecord, type RecordReplacement } from './record-replacement.js';
import { createRecord, createRecordIn, updateRecord } from './records.js';

const db = useTestDatabase();
const deps = () => ({ models: db.models, blobs: db.blobs });

async function actor(name = 'Ann'): Promise<Actor> {
  const { user } = await makeUser(db.models, { name });
  return { id: user._id, name: user.name };
}

function replacement(overrides: Partial<RecordReplacement> = {}): RecordReplacement {
  return {
    status: 'running',
    program: { command: 'python' },
    parameters: { a: 1 },
    system: null,
    custom: null,
    inputs: [],
    outputs: [{ name: 'out.txt', path: 'out.txt', size: 3 }],
    dependencies: [],
    tags: ['x'],
    reason: 'r',
    outcome: '',
    duration: null,
    stdout: 'so far',
    stderr: '',
    sumatra: null,
    ...overrides,
  };
}

describe('whole-record replacement', () => {
  it('creates the record, then replaces every field, keeping its id, container and creation time', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    const first = await replaceRecord(deps(), ann, project, 'run', replacement());
    expect(first.created).toBe(true);
    const second = await replaceRecord(deps(), ann, project, 'run', replacement({ status: 'finished', parameters: null, tags: [], reason: '', outputs: [], duration: 2.5 }));
    expect(second.created).toBe(false);
    expect(second.record._id.equals(first.record._id)).toBe(true);
    expect(second.record.created.getTime()).toBe(first.record.created.getTime());
    expect(second.record).toMatchObject({ status: 'finished', parameters: null, tags: [], reason: '', outputs: [], duration: 2.5 });
    expect(second.record.statusHistory.map((change) => change.status)).toEqual(['running', 'finished']);
  });

  it('restarts the status history on a backward move instead of refusing it, as the whole record is new', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    await replaceRecord(deps(), ann, project, 'run', replacement({ status: 'finished' }));
    const again = await replaceRecord(deps(), ann, project, 'run', replacement({ status: 'scheduled' }));
    expect(again.record.statusHistory.map((change) => change.status)).toEqual(['scheduled']);
    // The forward-only rule of ordinary updates still holds for the new run.
    await expect(updateRecord(deps(), ann, 'p', 'run', { status: 'running' })).resolves.toMatchObject({ record: { status: 'running' } });
  });

  it('keeps uploaded bytes of an output declared again unchanged, and drops them when it changed', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    await replaceRecord(deps(), ann, project, 'run', replacement());
    const blob = await db.blobs.write(Readable.from([Buffer.from('abc')]));
    await attachFiles(deps(), ann, 'p', 'run', [{ field: 'outputs', upload: { blob, mediaType: 'text/plain', originalName: 'out.txt' } }], undefined);
    const same = await replaceRecord(deps(), ann, project, 'run', replacement({ tags: ['y'] }));
    expect(same.record.outputs[0]?.file).not.toBeNull();
    expect(same.record.outputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const changed = await replaceRecord(deps(), ann, project, 'run', replacement({ outputs: [{ name: 'out.txt', path: 'out.txt', size: 4 }] }));
    expect(changed.record.outputs[0]).toMatchObject({ file: null, sha256: null, size: 4 });
  });

  it('creates exactly one record when the first saves of a label race', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => replaceRecord(deps(), ann, project, 'racy', replacement({ reason: `r${i}` }))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.models.Record.countDocuments({ label: 'racy' })).toBe(1);
  });

  it('refuses to write into a project of someone else, and refuses bad labels', async () => {
    const ann = await actor('Ann');
    const bob = await actor('Bob');
    const { project } = await pushProject(deps(), ann, 'p', {});
    await expect(replaceRecord(deps(), bob, project, 'run', replacement())).rejects.toMatchObject({ status: 404 });
    await expect(replaceRecord(deps(), ann, project, ' ', replacement())).rejects.toMatchObject({ status: 400, code: 'invalid_label' });
    expect(await db.models.Record.countDocuments()).toBe(0);
  });
});

describe('the record writer', () => {
  it('gives a record created from a project read taken before the project turned private the project\'s current privacy, on every creating path', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    const stale = { ...project, private: false };
    await db.models.Project.updateOne({ _id: project._id }, { $set: { private: true } });
    const pushed = await createRecordIn(deps(), ann, stale, { label: 'pushed' });
    const saved = await replaceRecord(deps(), ann, stale, 'saved', replacement());
    expect([pushed.record.private, saved.record.private]).toEqual([true, true]);
    expect(await db.models.Record.countDocuments({ project: project._id, private: false })).toBe(0);
  });

  it('refuses to create a record in a project of someone else, whatever path creates it', async () => {
    const ann = await actor('Ann');
    const bob = await actor('Bob');
    const { project } = await pushProject(deps(), ann, 'p', {});
    await expect(createRecordIn(deps(), bob, project, { label: 'mine' })).rejects.toMatchObject({ status: 404 });
    await expect(replaceRecord(deps(), bob, project, 'mine', replacement())).rejects.toMatchObject({ status: 404 });
    expect(await db.models.Record.countDocuments()).toBe(0);
  });

  it('refuses a taken label with 409 label_taken, and gives each run without a label its own', async () => {
    const ann = await actor();
    const { project } = await pushProject(deps(), ann, 'p', {});
    await createRecordIn(deps(), ann, project, { label: 'run' });
    await expect(createRecordIn(deps(), ann, project, { label: 'run' })).rejects.toMatchObject({ status: 409, code: 'label_taken' });
    const unlabelled = await Promise.all(Array.from({ length: 4 }, () => createRecordIn(deps(), ann, project, {})));
    expect(new Set(unlabelled.map(({ record }) => record.label)).size).toBe(4);
  });
});

describe('record deletion', () => {
  it('deletes only the actor\'s records of the given project, whatever ids it is handed', async () => {
    const ann = await actor('Ann');
    const bob = await actor('Bob');
    const { project } = await pushProject(deps(), ann, 'p', {});
    const { project: other } = await pushProject(deps(), ann, 'q', {});
    await pushProject(deps(), bob, 'p', {});
    const mine = await createRecord(deps(), ann, 'p', { label: 'a' });
    const elsewhere = await createRecord(deps(), ann, 'q', { label: 'b' });
    const bobs = await createRecord(deps(), bob, 'p', { label: 'c' });
    const deleted = await deleteRecords(deps(), ann, project, [mine.record._id, elsewhere.record._id, bobs.record._id]);
    expect(deleted).toBe(1);
    expect((await db.models.Record.find({}, { label: 1 }).lean()).map((record) => record.label).sort()).toEqual(['b', 'c']);
    expect(await deleteRecords(deps(), ann, other, [])).toBe(0);
  });

  it('deletes one record by label and answers 404 for others\' records', async () => {
    const ann = await actor('Ann');
    const bob = await actor('Bob');
    await pushProject(deps(), ann, 'p', {});
    await createRecord(deps(), ann, 'p', { label: 'a' });
    await expect(deleteRecord(deps(), bob, 'p', 'a')).rejects.toMatchObject({ status: 404 });
    const { record } = await deleteRecord(deps(), ann, 'p', 'a');
    expect(record.label).toBe('a');
    expect(await db.models.Record.countDocuments()).toBe(0);
    await expect(deleteRecord(deps(), ann, 'p', 'a')).rejects.toMatchObject({ status: 404 });
  });
});
