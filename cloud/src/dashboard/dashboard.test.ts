import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { makeProject, makeRecord } from '../test/factories.js';
import { useCloud } from '../test/harness.js';
import { makePair } from '../test/pairs.js';

const cloud = useCloud();

describe('dashboard', () => {
  it('summarizes the signed-in user: counts, recent records and open requests in and out', async () => {
    const { sender, target, from, toward } = await makePair(cloud, { codeSame: true, inputsSame: true, outputsSame: true });
    await makeProject(cloud.db, target, 'second');
    for (let i = 0; i < 6; i += 1) await makeRecord(cloud.db, target, 'second', { label: `r${i}` });
    const open = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201);
    // One request per pair of records: the closed one comes from a second run of the sender's, the same as the first.
    const twin = await cloud.db.models.Record.create({ ...from, _id: new Types.ObjectId(), label: 'rerun-2' });
    const closed = await sender.browser.post('/cloud/v1/diffs', { from: twin._id, toward: toward._id, method: 'visual', proposition: 'repeated' }).expect(201);
    await target.browser.post(`/cloud/v1/diffs/${closed.body.id}/answer`, { answer: 'agreed' }).expect(200);

    const mine = await target.browser.get('/cloud/v1/dashboard').expect(200);
    expect(mine.body.counts).toEqual({ projects: 2, publicProjects: 1, records: 7, inboxOpen: 1, outboxOpen: 0, agreedReceived: 1 });
    expect(mine.body.recentRecords.map((r: { label: string }) => r.label)).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
    expect(mine.body.openInbox.map((d: { id: string }) => d.id)).toEqual([open.body.id]);
    expect(mine.body.openOutbox).toEqual([]);

    const theirs = await sender.browser.get('/cloud/v1/dashboard').expect(200);
    expect(theirs.body.counts).toEqual({ projects: 1, publicProjects: 0, records: 2, inboxOpen: 0, outboxOpen: 1, agreedReceived: 0 });
    expect(theirs.body.openOutbox[0]).toMatchObject({ id: open.body.id, toward: { label: 'run-1' }, targetOwner: { name: 'Target Owner' } });
  });

  it('needs a session', async () => {
    await (await cloud.browser()).get('/cloud/v1/dashboard').expect(401);
  });
});
