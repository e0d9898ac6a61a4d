import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { attachFiles } from './attachments.js';
import { pushContainer } from './containers.js';
import { createRecord } from './records.js';
import { pushProject } from './projects.js';
import { sweepUnreferenced } from './sweep.js';

const db = useTestDatabase();
const deps = () => ({ models: db.models, blobs: db.blobs });
const later = () => new Date(Date.now() + 2 * 60 * 60 * 1000);

async function blobCount(): Promise<number> {
  return (await db.connection.db?.collection('blobs.files').countDocuments()) ?? -1;
}

describe('sweep of unreferenced storage', () => {
  it('removes blobs that never became a file, once they are older than the grace period', async () => {
    const orphan = await db.blobs.write(Readable.from([Buffer.from('half an upload')]));
    expect((await sweepUnreferenced(deps())).orphanBlobs).toBe(0);
    expect(await blobCount()).toBe(1);
    const report = await sweepUnreferenced(deps(), { now: later() });
    expect(report.orphanBlobs).toBe(1);
    expect(await blobCount()).toBe(0);
    await expect(db.blobs.delete(orphan.id)).resolves.toBeUndefined();
  });

  it('removes files no record refers to any more, and keeps the ones in use', async () => {
    const { user } = await makeUser(db.models, { name: 'Ann' });
    const actor = { id: user._id, name: user.name };
    await pushProject(deps(), actor, 'p', {});
    await createRecord(deps(), actor, 'p', { label: 'keep' });
    await createRecord(deps(), actor, 'p', { label: 'drop' });
    const upload = async (text: string) => ({ blob: await db.blobs.write(Readable.from([Buffer.from(text)])), mediaType: 'text/plain', originalName: `${text}.txt` });
    await attachFiles(deps(), actor, 'p', 'keep', [{ field: 'outputs', upload: await upload('kept') }], undefined);
    await attachFiles(deps(), actor, 'p', 'drop', [{ field: 'outputs', upload: await upload('dropped') }], undefined);
    await db.models.Record.deleteOne({ label: 'drop' });

    const report = await sweepUnreferenced(deps(), { now: later() });
    expect(report).toEqual({ orphanBlobs: 0, unreferencedFiles: 1, orphanContainers: 0 });
    const left = await db.models.File.find().lean();
    expect(left).toHaveLength(1);
    expect(await blobCount()).toBe(1);
    const blob = left[0]?.blob;
    if (!blob) throw new Error('the kept file has no blob');
    const chunks: Buffer[] = [];
    for await (const chunk of db.blobs.read(blob)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('kept');
  });

  it("removes a container that never made it into its project's history, with its image, and keeps the ones in it", async () => {
    const { user } = await makeUser(db.models, { name: 'Cy' });
    const actor = { id: user._id, name: user.name };
    await pushProject(deps(), actor, 'p', {});
    const image = async (text: string) => ({ blob: await db.blobs.write(Readable.from([Buffer.from(text)])), mediaType: 'application/x-tar', originalName: `${text}.tar` });
    const kept = await pushContainer(deps(), actor, 'p', { system: 'docker' }, await image('in history'));
    // What a push killed between its two writes leaves: the container and its image, no history entry.
    const half = await pushContainer(deps(), actor, 'p', { system: 'docker' }, await image('half pushed'));
    await db.models.Project.updateOne({ _id: half.container.project }, { $pull: { history: half.container._id } });

    expect((await sweepUnreferenced(deps())).orphanContainers).toBe(0);
    const report = await sweepUnreferenced(deps(), { now: later() });
    expect(report).toEqual({ orphanBlobs: 0, unreferencedFiles: 1, orphanContainers: 1 });
    expect((await db.models.Container.find().lean()).map((c) => c._id.toHexString())).toEqual([kept.container._id.toHexString()]);
    expect(await db.models.File.countDocuments()).toBe(1);
    expect(await blobCount()).toBe(1);
  });

  it('removes the chunks of an upload whose process died before it finished, once older than the grace period', async () => {
    const chunks = db.connection.db?.collection('blobs.chunks');
    // What GridFS leaves when the process dies mid-upload: chunks, no files document.
    const id = new Types.ObjectId();
    await chunks?.insertMany([0, 1, 2].map((n) => ({ files_id: id, n, data: Buffer.alloc(1024, n) })));
    expect((await sweepUnreferenced(deps())).orphanBlobs).toBe(0);
    expect(await chunks?.countDocuments()).toBe(3);
    const report = await sweepUnreferenced(deps(), { now: later() });
    expect(report.orphanBlobs).toBe(1);
    expect(await chunks?.countDocuments()).toBe(0);
  });
});
