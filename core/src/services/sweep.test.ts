import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { attachFiles } from './attachments.js';
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
    expect(report).toEqual({ orphanBlobs: 0, unreferencedFiles: 1 });
    const left = await db.models.File.find().lean();
    expect(left).toHaveLength(1);
    expect(await blobCount()).toBe(1);
    const blob = left[0]?.blob;
    if (!blob) throw new Error('the kept file has no blob');
    const chunks: Buffer[] = [];
    for await (const chunk of db.blobs.read(blob)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('kept');
  });
});
