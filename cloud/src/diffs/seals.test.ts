import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { updateRecord } from '@reprise/core';
import { makeRecord } from '../test/factories.js';
import { useCloud } from '../test/harness.js';
import { makePair, type RecordPair } from '../test/pairs.js';

const cloud = useCloud();

const REPEATED = { codeSame: true, inputsSame: true, outputsSame: true };
const deps = () => ({ models: cloud.db.models, blobs: cloud.db.blobs });
const actorOf = (who: { id: string }) => ({ id: new Types.ObjectId(who.id), name: 'someone' });

/** Sends a "repeated" request from the pair's sender and returns its id. */
async function propose(pair: RecordPair): Promise<string> {
  const res = await pair.sender.browser.post('/cloud/v1/diffs', { from: pair.from._id, toward: pair.toward._id, proposition: 'repeated' }).expect(201);
  return res.body.id as string;
}

/** A pair of records with an agreed "repeated" verdict between them. */
async function agreedPair(): Promise<RecordPair & { verdict: string }> {
  const pair = await makePair(cloud, REPEATED);
  const verdict = await propose(pair);
  await pair.target.browser.post(`/cloud/v1/diffs/${verdict}/answer`, { answer: 'agreed' }).expect(200);
  return { ...pair, verdict };
}

describe('sealed records in the cloud', () => {
  it('keeps annotations editable but refuses attaching files with 409 record_sealed naming the verdict', async () => {
    const { target, toward, verdict } = await agreedPair();
    const edited = await target.browser.patch(`/cloud/v1/records/${toward._id}`, { tags: ['confirmed'], reason: 'baseline', outcome: 'Repeated by a colleague.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ tags: ['confirmed'], outcome: 'Repeated by a colleague.' });
    const attached = await target.browser
      .post(`/cloud/v1/records/${toward._id}/files`)
      .attach('outputs', Buffer.from('fractal dimension 1.6\n'), { filename: 'out.txt', contentType: 'text/plain' });
    expect(attached.status).toBe(409);
    expect(attached.body.error).toMatchObject({ code: 'record_sealed', details: { diffRequest: verdict, record: toward._id.toHexString() } });
    expect(attached.body.error.message).toContain(verdict);
  });

  it('refuses deleting a sealed record or a project that holds one (409), and lets it be made private, which hides the verdict but keeps it', async () => {
    const { sender, target, from, toward, verdict } = await agreedPair();
    for (const [who, path] of [
      [target, `/cloud/v1/records/${toward._id}`],
      [sender, `/cloud/v1/records/${from._id}`],
      [target, `/cloud/v1/projects/${toward.project}`],
      [sender, `/cloud/v1/projects/${from.project}`],
    ] as const) {
      const res = await who.browser.delete(path);
      expect(res.status, path).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'record_sealed', details: { diffRequest: verdict } });
    }
    expect(await cloud.db.models.Record.countDocuments({ _id: { $in: [from._id, toward._id] } })).toBe(2);
    const project = await target.browser.get(`/cloud/v1/projects/${toward.project}`).expect(200);
    expect(project.body.private).toBe(false);

    await target.browser.patch(`/cloud/v1/projects/${toward.project}`, { private: true }).expect(200);
    const stranger = await cloud.signUp();
    await stranger.browser.get(`/cloud/v1/diffs/${verdict}`).expect(404);
    expect((await target.browser.get(`/cloud/v1/diffs/${verdict}`).expect(200)).body.status).toBe('agreed');
    // Other records of the project can still go.
    const other = await makeRecord(cloud.db, target, 'original', { label: 'scratch' });
    await target.browser.delete(`/cloud/v1/records/${other._id}`).expect(200);
  });

  it('refuses to agree when a record changed after the request was made (409 evidence_outdated), leaving it unsealed', async () => {
    const pair = await makePair(cloud, REPEATED);
    const id = await propose(pair);
    await updateRecord(deps(), actorOf(pair.target), 'original', 'run-1', { system: { os: 'Linux', note: 'rerun on new hardware' } });
    const res = await pair.target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'evidence_outdated', details: { record: pair.toward._id.toHexString(), side: 'toward' } });
    expect((await cloud.db.models.DiffRequest.findById(id).lean())?.status).toBe('proposed');
    await updateRecord(deps(), actorOf(pair.target), 'original', 'run-1', { parameters: { seed: 3 } });
    expect((await cloud.db.models.Record.findById(pair.toward._id).lean())?.seals).toEqual([]);
  });

  it('stays sealed when an agreement stopped after marking the records, until the request is answered or withdrawn', async () => {
    const pair = await makePair(cloud, REPEATED);
    const id = await propose(pair);
    // What a crash between marking the records and writing the agreement leaves behind.
    await cloud.db.models.Record.updateMany({ _id: { $in: [pair.from._id, pair.toward._id] } }, { $addToSet: { seals: new Types.ObjectId(id) }, $inc: { rev: 1 } });
    const change = () => updateRecord(deps(), actorOf(pair.target), 'original', 'run-1', { parameters: { seed: 3 } });
    await expect(change()).rejects.toMatchObject({ status: 409, code: 'record_sealed' });
    await pair.target.browser.delete(`/cloud/v1/records/${pair.toward._id}`).expect(409);
    // Answering again completes the agreement; withdrawing instead would have released the records.
    await pair.target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(200);
    await expect(change()).rejects.toMatchObject({ status: 409, code: 'record_sealed' });

    const other = await makePair(cloud, REPEATED);
    const withdrawn = await propose(other);
    await cloud.db.models.Record.updateMany({ _id: { $in: [other.from._id, other.toward._id] } }, { $addToSet: { seals: new Types.ObjectId(withdrawn) } });
    await other.sender.browser.post(`/cloud/v1/diffs/${withdrawn}/withdraw`).expect(200);
    await updateRecord(deps(), actorOf(other.target), 'original', 'run-1', { parameters: { seed: 3 } });
    await other.sender.browser.delete(`/cloud/v1/records/${other.from._id}`).expect(200);
  });

  it('holds the seal against record updates racing with the agreement', async () => {
    const pair = await makePair(cloud, REPEATED);
    const id = await propose(pair);
    const updates = Array.from({ length: 6 }, (_, i) =>
      updateRecord(deps(), actorOf(pair.target), 'original', 'run-1', { parameters: { seed: 1, particles: 10000, attempt: i } }).then(
        () => 'updated',
        (error: { code?: string }) => error.code ?? 'error',
      ),
    );
    const answer = pair.target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' });
    const [outcomes, answered] = await Promise.all([Promise.all(updates), answer]);
    const request = await cloud.db.models.DiffRequest.findById(id).lean();
    if (answered.status === 200) {
      // Agreed: the record is exactly what the request's basis says.
      expect(request?.status).toBe('agreed');
      expect(outcomes.every((outcome) => outcome === 'updated' || outcome === 'record_sealed')).toBe(true);
      expect(outcomes.filter((outcome) => outcome === 'updated')).toHaveLength(0);
    } else {
      expect(answered.body.error.code).toBe('evidence_outdated');
      expect(request?.status).toBe('proposed');
    }
  });
});
