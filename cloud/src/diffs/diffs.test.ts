import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { BACKFILLS_COLLECTION, ensureIndexes, liveKeyOf, type RecordDoc } from '@reprise/core';
import { makeProject, makeRecord } from '../test/factories.js';
import { useCloud } from '../test/harness.js';
import { makePair } from '../test/pairs.js';

const cloud = useCloud();

const REPEATED = { codeSame: true, inputsSame: true, outputsSame: true };

describe('creating diff requests', () => {
  it('stores the evidence computed at creation and names both owners, never their emails', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const res = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated', description: 'Same run.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sender: { id: sender.id, name: 'Sender' },
      targetOwner: { id: target.id, name: 'Target Owner' },
      from: { id: from._id.toHexString(), visible: true, label: 'rerun-1', projectName: 'rerun' },
      toward: { id: toward._id.toHexString(), visible: true, label: 'run-1', projectName: 'original' },
      method: 'default',
      tolerance: 0,
      cell: 'repeatable',
      status: 'proposed',
      answer: null,
    });
    expect(res.body.evidence).toMatchObject({ cell: 'repeatable', code: { same: true, basis: 'vcs' }, outputs: { same: true } });
    expect(JSON.stringify(res.body)).not.toContain('@example.org');
    const stored = await cloud.db.models.DiffRequest.findById(res.body.id).lean();
    expect(JSON.parse(stored?.evidence ?? '{}').computedAt).toBe(res.body.evidence.computedAt);

    // Evidence is what it was at creation, even after the records change.
    await makeRecord(cloud.db, sender, 'rerun', { label: 'later' });
    const again = await sender.browser.get(`/cloud/v1/diffs/${res.body.id}`).expect(200);
    expect(again.body.evidence.computedAt).toBe(res.body.evidence.computedAt);
    expect((await target.browser.get(`/cloud/v1/diffs/${res.body.id}`).expect(200)).body.status).toBe('proposed');
  });

  it("refuses a request from someone else's record (403), toward one's own record (422) and toward a record the sender cannot see (404)", async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const notMine = await sender.browser.post('/cloud/v1/diffs', { from: toward._id, toward: from._id, proposition: 'repeated' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('not_your_record');

    const second = await makeRecord(cloud.db, sender, 'rerun', { label: 'second' });
    const own = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: second._id, proposition: 'repeated' });
    expect(own.status).toBe(422);
    expect(own.body.error.code).toBe('same_owner');

    await makeProject(cloud.db, target, 'hidden');
    const hidden = await makeRecord(cloud.db, target, 'hidden', { label: 'secret' });
    const invisible = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: hidden._id, proposition: 'repeated' });
    expect(invisible.status).toBe(404);
    const unknown = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: new Types.ObjectId(), proposition: 'repeated' });
    expect(unknown.status).toBe(404);
    // The target cannot use the sender's private record either way.
    const fromPrivate = await target.browser.post('/cloud/v1/diffs', { from: toward._id, toward: from._id, proposition: 'repeated' });
    expect(fromPrivate.status).toBe(404);
    expect(await cloud.db.models.DiffRequest.countDocuments()).toBe(0);
  });

  it('requires a description for method custom, and a session', async () => {
    const { sender, from, toward } = await makePair(cloud, REPEATED);
    const res = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, method: 'custom', proposition: 'repeated' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('description_required');
    const anonymous = await cloud.browser();
    await anonymous.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(401);
    const malformed = await sender.browser.post('/cloud/v1/diffs', { from: 'x', toward: toward._id, proposition: 'maybe', tolerance: -1 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/from', '/proposition', '/tolerance']);
  });
});

/** Another record of the sender's with the same program, parameters, inputs and outputs as `record`. */
async function twinOf(record: RecordDoc, label: string): Promise<RecordDoc> {
  const parse = (text: string | null) => (text === null ? undefined : JSON.parse(text));
  const twin = await cloud.db.models.Record.create({
    ...record,
    _id: new Types.ObjectId(),
    label,
    program: record.program,
    parameters: record.parameters,
  });
  expect(parse(twin.program)).toEqual(parse(record.program));
  return twin.toObject();
}

describe('one request per pair of records', () => {
  it('refuses a second request for a pair while the first is proposed or agreed (409 naming it); withdrawn or denied frees the pair', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const body = { from: from._id, toward: toward._id, proposition: 'repeated' };
    const first = (await sender.browser.post('/cloud/v1/diffs', body).expect(201)).body.id as string;
    const again = await sender.browser.post('/cloud/v1/diffs', { ...body, method: 'visual' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'duplicate_request', details: { diffRequest: first, status: 'proposed' } });
    expect(again.body.error.message).toContain(first);
    // The opposite direction is another pair.
    await sender.browser.patch(`/cloud/v1/projects/${from.project}`, { private: false }).expect(200);
    await target.browser.post('/cloud/v1/diffs', { from: toward._id, toward: from._id, proposition: 'repeated' }).expect(201);

    await sender.browser.post(`/cloud/v1/diffs/${first}/withdraw`).expect(200);
    const second = (await sender.browser.post('/cloud/v1/diffs', body).expect(201)).body.id as string;
    await target.browser.post(`/cloud/v1/diffs/${second}/answer`, { answer: 'denied' }).expect(200);
    const third = (await sender.browser.post('/cloud/v1/diffs', body).expect(201)).body.id as string;
    await target.browser.post(`/cloud/v1/diffs/${third}/answer`, { answer: 'agreed' }).expect(200);
    const afterAgreement = await sender.browser.post('/cloud/v1/diffs', body);
    expect(afterAgreement.status).toBe(409);
    expect(afterAgreement.body.error.details).toEqual({ diffRequest: third, status: 'agreed' });
    const tally = await target.browser.get(`/cloud/v1/projects/${toward.project}/reproducibility`).expect(200);
    expect(tally.body.tally.total).toBe(1);
  });

  it('lets exactly one of many simultaneous identical requests through', async () => {
    const { sender, from, toward } = await makePair(cloud, REPEATED);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' })),
    );
    const created = results.filter((res) => res.status === 201);
    expect(created).toHaveLength(1);
    const refused = results.filter((res) => res.status === 409);
    expect(refused).toHaveLength(7);
    for (const res of refused) expect(res.body.error).toMatchObject({ code: 'duplicate_request', details: { diffRequest: created[0]?.body.id } });
    expect(await cloud.db.models.DiffRequest.countDocuments({ from: from._id })).toBe(1);
  });

  it('counts duplicates agreed before the rule once in the tally and the badge, and builds its index over them', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const { DiffRequest } = cloud.db.models;
    const duplicate = {
      sender: new Types.ObjectId(sender.id),
      from: from._id,
      fromProject: from.project,
      toward: toward._id,
      towardProject: toward.project,
      targetOwner: new Types.ObjectId(target.id),
      method: 'default' as const,
      proposition: 'repeated' as const,
      cell: 'repeatable' as const,
      status: 'agreed' as const,
      evidence: '{}',
      answer: { by: new Types.ObjectId(target.id), at: new Date(), comment: '' },
    };
    // Stored as before one request per pair was enforced: through the model, and raw without a live key.
    await DiffRequest.create(duplicate);
    await DiffRequest.create(duplicate);
    await DiffRequest.collection.dropIndex('liveKey_1');
    await DiffRequest.collection.insertMany([
      { ...duplicate, created: new Date(), updated: new Date() },
      { ...duplicate, created: new Date(), updated: new Date() },
    ]);
    // A database from before the key existed has no note that its backfill ran.
    await cloud.db.connection.collection(BACKFILLS_COLLECTION).deleteMany({});
    await ensureIndexes(cloud.db.models);
    expect(await DiffRequest.countDocuments({ liveKey: { $exists: false } })).toBe(0);

    const tally = await (await cloud.browser()).get(`/cloud/v1/projects/${toward.project}/reproducibility`).expect(200);
    expect(tally.body.tally).toEqual({ repeated: 1, reproduced: 0, 'non-repeated': 0, 'non-reproduced': 0, total: 1 });
    expect(tally.body.records).toEqual([{ record: toward._id.toHexString(), label: 'run-1', tally: tally.body.tally }]);
    const badge = await (await cloud.browser())
      .get(`/cloud/v1/public/projects/${toward.project}/badge.svg`)
      .buffer(true)
      .parse((stream, callback) => {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (data += chunk));
        stream.on('end', () => callback(null, data));
      })
      .expect(200);
    expect(badge.body).toContain('1 repeated');
    // The old duplicates still block a new request for the pair, and the index holds from now on.
    const again = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' });
    expect(again.status).toBe(409);
    await expect(DiffRequest.create({ ...duplicate, liveKey: liveKeyOf(from._id, toward._id) })).resolves.toBeDefined();
    await expect(DiffRequest.create({ ...duplicate, liveKey: liveKeyOf(from._id, toward._id) })).rejects.toThrow();
  });
});

describe('requests about a record', () => {
  it('lists the requests from or toward a record to its parties, and to others only those whose two records they can see', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const stranger = await cloud.signUp();
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    await target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(200);

    const ofTarget = await target.browser.get(`/cloud/v1/records/${toward._id}/diffs`).expect(200);
    expect(ofTarget.body).toMatchObject({ data: [{ id, status: 'agreed', from: { id: from._id.toHexString(), visible: false } }], page: { next: null } });
    const ofSender = await sender.browser.get(`/cloud/v1/records/${from._id}/diffs`).expect(200);
    expect(ofSender.body.data).toMatchObject([{ id, toward: { visible: true, label: 'run-1' }, from: { visible: true, label: 'rerun-1' } }]);
    // The target's record is public, the sender's private: others see no trace of the request.
    for (const viewer of [stranger.browser, await cloud.browser()]) {
      const seen = await viewer.get(`/cloud/v1/records/${toward._id}/diffs`).expect(200);
      expect(seen.body.data).toEqual([]);
      expect(JSON.stringify(seen.body)).not.toContain(from._id.toHexString());
      await viewer.get(`/cloud/v1/records/${from._id}/diffs`).expect(404);
    }
    await sender.browser.patch(`/cloud/v1/projects/${from.project}`, { private: false }).expect(200);
    const open = await (await cloud.browser()).get(`/cloud/v1/records/${toward._id}/diffs`).expect(200);
    expect(open.body.data.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await target.browser.get(`/cloud/v1/records/${toward._id}/diffs?status=proposed`).expect(200)).body.data).toEqual([]);
    await target.browser.get(`/cloud/v1/records/${new Types.ObjectId()}/diffs`).expect(404);
  });

  it('shows the digests the evidence was computed from with the request', async () => {
    const { sender, from, toward } = await makePair(cloud, REPEATED);
    const res = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201);
    const output = toward.outputs[0];
    expect(res.body.basis).toMatchObject({
      from: { record: from._id.toHexString(), label: 'rerun-1', inputs: [{ name: 'lattice.txt', sha256: from.inputs[0]?.sha256 }], outputs: [{ name: 'out.txt' }] },
      toward: {
        record: toward._id.toHexString(),
        label: 'run-1',
        code: { vcs: { commit: res.body.evidence.code.b.vcs.commit } },
        outputs: [{ name: 'out.txt', sha256: output?.sha256, size: output?.size }],
      },
    });
    expect(res.body.basis.toward.parameters).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.basis.toward.sealed).toMatch(/^[0-9a-f]{64}$/);
    // Stored with the request, shown again later.
    expect((await sender.browser.get(`/cloud/v1/diffs/${res.body.id}`).expect(200)).body.basis).toEqual(res.body.basis);
  });
});

describe('inbox and outbox', () => {
  it('lists received and sent requests with filters, newest first, page by page', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    // One request per pair of records: each request is sent from another rerun of the same run.
    const twins = [from, await twinOf(from, 'rerun-2'), await twinOf(from, 'rerun-3')];
    const send = (twin: RecordDoc | undefined, method: string, proposition: string) =>
      sender.browser.post('/cloud/v1/diffs', { from: twin?._id, toward: toward._id, method, proposition, description: 'looked' }).expect(201);
    const first = (await send(twins[0], 'default', 'repeated')).body.id as string;
    const second = (await send(twins[1], 'visual', 'non-repeated')).body.id as string;
    const third = (await send(twins[2], 'custom', 'repeated')).body.id as string;
    await target.browser.post(`/cloud/v1/diffs/${first}/answer`, { answer: 'agreed' }).expect(200);

    const inbox = await target.browser.get('/cloud/v1/diffs?box=inbox').expect(200);
    expect(inbox.body.data.map((d: { id: string }) => d.id)).toEqual([third, second, first]);
    expect(inbox.body.data[0]).not.toHaveProperty('evidence');
    expect((await target.browser.get('/cloud/v1/diffs?box=outbox').expect(200)).body.data).toEqual([]);
    const outbox = await sender.browser.get('/cloud/v1/diffs?box=outbox&status=proposed').expect(200);
    expect(outbox.body.data.map((d: { id: string }) => d.id)).toEqual([third, second]);
    const negative = await sender.browser.get('/cloud/v1/diffs?box=outbox&proposition=non-repeated').expect(200);
    expect(negative.body.data.map((d: { id: string }) => d.id)).toEqual([second]);
    const page = await target.browser.get('/cloud/v1/diffs?box=inbox&limit=2').expect(200);
    const rest = await target.browser.get(`/cloud/v1/diffs?box=inbox&limit=2&cursor=${page.body.page.next}`).expect(200);
    expect(rest.body.data.map((d: { id: string }) => d.id)).toEqual([first]);
    await target.browser.get('/cloud/v1/diffs').expect(400);
    await (await cloud.browser()).get('/cloud/v1/diffs?box=inbox').expect(401);
  });
});

describe('viewing a request', () => {
  it('shows a request to its two parties, to others only when both records are public, and evidence only to who sees both records', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const stranger = await cloud.signUp();
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    // The sender's record is private: the target sees the request, but not that record nor the evidence.
    const seen = await target.browser.get(`/cloud/v1/diffs/${id}`).expect(200);
    expect(seen.body.from).toEqual({ id: from._id.toHexString(), visible: false });
    expect(seen.body.evidence).toBeNull();
    expect((await sender.browser.get(`/cloud/v1/diffs/${id}`).expect(200)).body.evidence).not.toBeNull();
    await stranger.browser.get(`/cloud/v1/diffs/${id}`).expect(404);
    await (await cloud.browser()).get(`/cloud/v1/diffs/${id}`).expect(404);

    await sender.browser.patch(`/cloud/v1/projects/${from.project}`, { private: false }).expect(200);
    const open = await (await cloud.browser()).get(`/cloud/v1/diffs/${id}`).expect(200);
    expect(open.body.from.visible).toBe(true);
    expect(open.body.evidence.cell).toBe('repeatable');
  });
});

describe('withdrawing and answering', () => {
  it('lets the sender withdraw while proposed, once; nobody else', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    const byTarget = await target.browser.post(`/cloud/v1/diffs/${id}/withdraw`);
    expect(byTarget.status).toBe(403);
    expect(byTarget.body.error.code).toBe('not_sender');
    const withdrawn = await sender.browser.post(`/cloud/v1/diffs/${id}/withdraw`).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await sender.browser.post(`/cloud/v1/diffs/${id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.error.details.status).toBe('withdrawn');
    const late = await target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' });
    expect(late.status).toBe(409);
  });

  it('lets only the target owner answer, exactly once, with a comment', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const stranger = await cloud.signUp();
    await sender.browser.patch(`/cloud/v1/projects/${from.project}`, { private: false }).expect(200);
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    const bySender = await sender.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' });
    expect(bySender.status).toBe(403);
    expect(bySender.body.error.code).toBe('not_target_owner');
    await stranger.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(403);
    await (await cloud.browser()).post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(401);
    await target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'maybe' }).expect(400);

    const answered = await target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'denied', comment: 'Not on my machine.' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'denied', answer: { by: { id: target.id, name: 'Target Owner' }, comment: 'Not on my machine.' } });
    const twice = await target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_closed');
    expect((await cloud.db.models.DiffRequest.findById(id).lean())?.status).toBe('denied');
    await sender.browser.post(`/cloud/v1/diffs/${id}/withdraw`).expect(409);
  });

  it('hides a request toward a private record from strangers: answering is a 404 there', async () => {
    const { sender, from, toward, target } = await makePair(cloud, REPEATED);
    const stranger = await cloud.signUp();
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    await target.browser.patch(`/cloud/v1/projects/${toward.project}`, { private: true }).expect(200);
    await stranger.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(404);
    await stranger.browser.post(`/cloud/v1/diffs/${id}/withdraw`).expect(404);
  });

  it('lets exactly one of many concurrent answers win; the others get 409', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    const id = (await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' }).expect(201)).body.id as string;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: i % 2 === 0 ? 'agreed' : 'denied', comment: `answer ${i}` })),
    );
    const winners = answers.filter((res) => res.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((res) => res.status === 409)).toHaveLength(11);
    const stored = await cloud.db.models.DiffRequest.findById(id).lean();
    expect(stored?.status).toBe(winners[0]?.body.status);
    expect(stored?.answer?.comment).toBe(winners[0]?.body.answer.comment);
  });
});

describe('the claim flows of the paper', () => {
  it('a rerun in the same environment is agreed as repeated, a rebuilt one as reproduced, and the project tallies both', async () => {
    const { sender, target, from, toward } = await makePair(cloud, REPEATED);
    // Same code, inputs and outputs: "repeated".
    const repeated = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated', description: 'Reran it.' }).expect(201);
    // A rerun with another commit and identical outputs: "reproduced".
    const rebuilt = await makeRecord(
      cloud.db,
      sender,
      'rerun',
      {
        label: 'rebuilt',
        program: { command: 'python', arguments: ['dla.py'], versionControl: { vcs: 'git', commit: 'ffffffffffffffffffffffffffffffffffffffff', dirty: false } },
        parameters: { seed: 1, particles: 10000 },
        inputs: [{ name: 'lattice.txt', sha256: from.inputs[0]?.sha256 ?? null }],
      },
      { outputs: { 'out.txt': 'fractal dimension 1.7093\nparticles 10000\n' } },
    );
    const wrongClaim = await sender.browser.post('/cloud/v1/diffs', { from: rebuilt._id, toward: toward._id, proposition: 'repeated' });
    expect(wrongClaim.status).toBe(422);
    expect(wrongClaim.body.error.message).toMatch(/"reproducible"/);
    const reproduced = await sender.browser.post('/cloud/v1/diffs', { from: rebuilt._id, toward: toward._id, proposition: 'reproduced' }).expect(201);
    // The owner looks at the inbox, agrees to both.
    const inbox = await target.browser.get('/cloud/v1/diffs?box=inbox&status=proposed').expect(200);
    expect(inbox.body.data).toHaveLength(2);
    await target.browser.post(`/cloud/v1/diffs/${repeated.body.id}/answer`, { answer: 'agreed', comment: 'Confirmed.' }).expect(200);
    await target.browser.post(`/cloud/v1/diffs/${reproduced.body.id}/answer`, { answer: 'agreed' }).expect(200);

    const tally = await (await cloud.browser()).get(`/cloud/v1/projects/${toward.project}/reproducibility`).expect(200);
    expect(tally.body.tally).toEqual({ repeated: 1, reproduced: 1, 'non-repeated': 0, 'non-reproduced': 0, total: 2 });
    expect(tally.body.records).toEqual([
      { record: toward._id.toHexString(), label: 'run-1', tally: { repeated: 1, reproduced: 1, 'non-repeated': 0, 'non-reproduced': 0, total: 2 } },
    ]);
    const dashboard = await target.browser.get('/cloud/v1/dashboard').expect(200);
    expect(dashboard.body.counts).toMatchObject({ inboxOpen: 0, agreedReceived: 2 });
  });

  it('a run whose outputs differ can only be claimed non-repeated, and a denied claim does not count', async () => {
    const { sender, target, from, toward } = await makePair(cloud, { codeSame: true, inputsSame: true, outputsSame: false });
    const positive = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' });
    expect(positive.status).toBe(422);
    expect(positive.body.error.message).toMatch(/"non-repeatable"/);
    const claim = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'non-repeated' }).expect(201);
    await target.browser.post(`/cloud/v1/diffs/${claim.body.id}/answer`, { answer: 'denied', comment: 'Your seed handling is wrong.' }).expect(200);
    const tally = await target.browser.get(`/cloud/v1/projects/${toward.project}/reproducibility`).expect(200);
    expect(tally.body.tally.total).toBe(0);
  });
});
