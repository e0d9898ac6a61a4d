import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useCloud } from '../test/harness.js';
import { makeContainer, makeProject, makeRecord } from '../test/factories.js';

const cloud = useCloud();

/** Inserts a diff request document as the service stores them (deletion cascades are about the documents, not the flow). */
async function storedRequest(
  fields: { from: Types.ObjectId; fromProject: Types.ObjectId; toward: Types.ObjectId; towardProject: Types.ObjectId; sender: Types.ObjectId; targetOwner: Types.ObjectId },
  status: 'proposed' | 'agreed' = 'agreed',
) {
  return await cloud.db.models.DiffRequest.create({ ...fields, method: 'default', proposition: 'repeated', cell: 'repeatable', evidence: '{}', status });
}

describe('creating projects by hand', () => {
  it('creates a private project by default and refuses a name the user already has with 409', async () => {
    const { browser, id } = await cloud.signUp('Ada');
    const res = await browser.post('/cloud/v1/projects', { name: 'dla', description: 'Diffusion-limited aggregation', tags: ['fractal'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'dla', private: true, description: 'Diffusion-limited aggregation', tags: ['fractal'], owner: { id, name: 'Ada' } });
    const again = await browser.post('/cloud/v1/projects', { name: 'dla' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('name_taken');
  });

  it('refuses a name that breaks the naming rule with 400 and says why', async () => {
    const { browser } = await cloud.signUp();
    const res = await browser.post('/cloud/v1/projects', { name: '-bad name' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_project_name');
    expect(await cloud.db.models.Project.countDocuments()).toBe(0);
  });
});

describe('listing and viewing projects', () => {
  it("lists only the signed-in user's projects, most recently active first, page by page", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    for (const name of ['p1', 'p2', 'p3']) await alice.browser.post('/cloud/v1/projects', { name }).expect(201);
    await bob.browser.post('/cloud/v1/projects', { name: 'bobs', private: false }).expect(201);
    const first = await alice.browser.get('/cloud/v1/projects?limit=2').expect(200);
    expect(first.body.data.map((p: { name: string }) => p.name)).toEqual(['p3', 'p2']);
    const second = await alice.browser.get(`/cloud/v1/projects?limit=2&cursor=${first.body.page.next}`).expect(200);
    expect(second.body.data.map((p: { name: string }) => p.name)).toEqual(['p1']);
    expect(second.body.page.next).toBeNull();
  });

  it('shows a project with its container history and counts; a private one only to its owner', async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'env');
    await makeContainer(cloud.db, alice, 'env', { system: 'docker', version: { vcs: 'git', commit: 'a1' } });
    await makeContainer(cloud.db, alice, 'env', { system: 'docker', version: { vcs: 'git', commit: 'b2' } });
    await makeRecord(cloud.db, alice, 'env', { label: 'r1', status: 'finished' });
    const own = await alice.browser.get(`/cloud/v1/projects/${project._id}`).expect(200);
    expect(own.body.containers.map((c: { version: { commit: string } }) => c.version.commit)).toEqual(['a1', 'b2']);
    expect(own.body.counts).toEqual({ records: 1, containers: 2, byStatus: { finished: 1 } });
    await bob.browser.get(`/cloud/v1/projects/${project._id}`).expect(404);
    await (await cloud.browser()).get(`/cloud/v1/projects/${project._id}`).expect(404);

    const history = await alice.browser.get(`/cloud/v1/projects/${project._id}/containers?limit=1`).expect(200);
    expect(history.body.data).toHaveLength(1);
    expect(history.body.data[0]).toMatchObject({ position: 1, version: { commit: 'b2' } });
    const older = await alice.browser.get(`/cloud/v1/projects/${project._id}/containers?cursor=${history.body.page.next}`).expect(200);
    expect(older.body.data[0]).toMatchObject({ position: 0, version: { commit: 'a1' } });
  });

  it('answers 404 for an unknown id and 400 for something that is not an id', async () => {
    const { browser } = await cloud.signUp();
    await browser.get(`/cloud/v1/projects/${new Types.ObjectId().toHexString()}`).expect(404);
    const bad = await browser.get('/cloud/v1/projects/not-an-id');
    expect(bad.status).toBe(400);
  });

  it("lists a visible project's records with filters", async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'runs', { private: false });
    await makeRecord(cloud.db, alice, 'runs', { label: 'a-1', status: 'finished', tags: ['good'] });
    await makeRecord(cloud.db, alice, 'runs', { label: 'a-2', status: 'crashed' });
    await makeRecord(cloud.db, alice, 'runs', { label: 'b-1', status: 'finished', reason: 'Looking for Monte Carlo noise' });
    const anonymous = await cloud.browser();
    const finished = await anonymous.get(`/cloud/v1/projects/${project._id}/records?status=finished`).expect(200);
    expect(finished.body.data.map((r: { label: string }) => r.label)).toEqual(['b-1', 'a-1']);
    const tagged = await anonymous.get(`/cloud/v1/projects/${project._id}/records?tag=good`).expect(200);
    expect(tagged.body.data.map((r: { label: string }) => r.label)).toEqual(['a-1']);
    const searched = await anonymous.get(`/cloud/v1/projects/${project._id}/records?q=monte`).expect(200);
    expect(searched.body.data.map((r: { label: string; projectName: string }) => [r.label, r.projectName])).toEqual([['b-1', 'runs']]);
  });

  it("sorts a project's records by creation or update time, either way, page by page", async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'sorted');
    for (const label of ['r1', 'r2', 'r3', 'r4', 'r5']) await makeRecord(cloud.db, alice, 'sorted', { label });
    // r2 becomes the most recently updated record.
    await cloud.db.models.Record.updateOne({ project: project._id, label: 'r2' }, { $set: { updated: new Date(Date.now() + 60_000) } });
    const labels = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/cloud/v1/projects/${project._id}/records?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await alice.browser.get(url).expect(200);
        seen.push(...page.body.data.map((r: { label: string }) => r.label));
        cursor = page.body.page.next as string | null;
      } while (cursor);
      return seen;
    };
    expect(await labels('')).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
    expect(await labels('order=asc')).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect((await labels('sort=updated'))[0]).toBe('r2');
    expect((await labels('sort=updated&order=asc')).at(-1)).toBe('r2');
    const bad = await alice.browser.get(`/cloud/v1/projects/${project._id}/records?order=sideways`);
    expect(bad.status).toBe(400);
  });
});

describe('names that have the form of an id', () => {
  it('refuses creating or renaming a project to 24 hex digits, and a record labelled so, with 422 name_shadows_id', async () => {
    const { browser } = await cloud.signUp();
    const other = (await browser.post('/cloud/v1/projects', { name: 'other' }).expect(201)).body;
    for (const name of [other.id, other.id.toUpperCase()]) {
      const created = await browser.post('/cloud/v1/projects', { name });
      expect(created.status, name).toBe(422);
      expect(created.body.error).toMatchObject({ code: 'name_shadows_id', details: { name } });
      const renamed = await browser.patch(`/cloud/v1/projects/${other.id}`, { name });
      expect(renamed.status, name).toBe(422);
      expect(renamed.body.error.code).toBe('name_shadows_id');
    }
    const label = 'ABCDEF0123456789abcdef01';
    const record = await browser.post(`/cloud/v1/projects/${other.id}/records`, { label });
    expect(record.status).toBe(422);
    expect(record.body.error).toMatchObject({ code: 'name_shadows_id', details: { label } });
    expect(await cloud.db.models.Project.find().lean()).toEqual([expect.objectContaining({ name: 'other' })]);
    expect(await cloud.db.models.Record.countDocuments()).toBe(0);
  });
});

describe('editing projects', () => {
  it('changes description, goals, tags and name; a name in use is a 409', async () => {
    const { browser } = await cloud.signUp();
    const project = (await browser.post('/cloud/v1/projects', { name: 'first' }).expect(201)).body;
    await browser.post('/cloud/v1/projects', { name: 'taken' }).expect(201);
    const res = await browser.patch(`/cloud/v1/projects/${project.id}`, { name: 'renamed', description: 'd', goals: 'g', tags: ['t'] }).expect(200);
    expect(res.body).toMatchObject({ id: project.id, name: 'renamed', description: 'd', goals: 'g', tags: ['t'] });
    const clash = await browser.patch(`/cloud/v1/projects/${project.id}`, { name: 'taken' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('name_taken');
    const empty = await browser.patch(`/cloud/v1/projects/${project.id}`, {});
    expect(empty.status).toBe(400);
  });

  it('publishing shows the project and its records to everyone; making it private hides them at once', async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'flip');
    const record = await makeRecord(cloud.db, alice, 'flip', { label: 'r1' });
    const anonymous = await cloud.browser();
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(404);
    await alice.browser.patch(`/cloud/v1/projects/${project._id}`, { private: false }).expect(200);
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(200);
    expect((await anonymous.get('/cloud/v1/public/records').expect(200)).body.data).toHaveLength(1);
    await alice.browser.patch(`/cloud/v1/projects/${project._id}`, { private: true }).expect(200);
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(404);
    expect((await anonymous.get('/cloud/v1/public/records').expect(200)).body.data).toHaveLength(0);
  });

  it("refuses to change someone else's public project with 403 and their private one with 404", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const open = await makeProject(cloud.db, alice, 'open', { private: false });
    const closed = await makeProject(cloud.db, alice, 'closed');
    const forbidden = await bob.browser.patch(`/cloud/v1/projects/${open._id}`, { description: 'mine now' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('not_owner');
    await bob.browser.patch(`/cloud/v1/projects/${closed._id}`, { description: 'mine now' }).expect(404);
    await bob.browser.delete(`/cloud/v1/projects/${open._id}`).expect(403);
    await bob.browser.delete(`/cloud/v1/projects/${closed._id}`).expect(404);
    expect(await cloud.db.models.Project.countDocuments({ description: 'mine now' })).toBe(0);
    expect(await cloud.db.models.Project.countDocuments()).toBe(2);
  });
});

describe('deleting projects', () => {
  it('deletes the records, containers, diff requests and files nothing else references', async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const doomed = await makeProject(cloud.db, alice, 'doomed', { private: false });
    await makeContainer(cloud.db, alice, 'doomed', { system: 'docker' });
    const r1 = await makeRecord(cloud.db, alice, 'doomed', { label: 'r1' }, { outputs: { 'only-here.txt': 'unique bytes', 'shared.txt': 'shared bytes' } });
    await makeRecord(cloud.db, alice, 'doomed', { label: 'r2' });
    const kept = await makeProject(cloud.db, bob, 'kept', { private: false });
    const bobs = await makeRecord(cloud.db, bob, 'kept', { label: 'b1' }, { outputs: { 'shared.txt': 'shared bytes' } });
    // A request still proposed (an agreed one would seal r1 and keep the project: see seals.test.ts).
    await storedRequest({ from: bobs._id, fromProject: kept._id, toward: r1._id, towardProject: doomed._id, sender: bobs.owner, targetOwner: r1.owner }, 'proposed');
    const other = await makeRecord(cloud.db, bob, 'kept', { label: 'b2' });
    const unrelated = await storedRequest({ from: other._id, fromProject: kept._id, toward: bobs._id, towardProject: kept._id, sender: bobs.owner, targetOwner: bobs.owner });
    expect(await cloud.db.models.File.countDocuments()).toBe(2);

    const res = await alice.browser.delete(`/cloud/v1/projects/${doomed._id}`);
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual({ records: 2, containers: 1, diffRequests: 1, files: 1 });
    expect(await cloud.db.models.Project.exists({ _id: doomed._id })).toBeNull();
    expect(await cloud.db.models.Record.countDocuments({ project: doomed._id })).toBe(0);
    expect(await cloud.db.models.Container.countDocuments({ project: doomed._id })).toBe(0);
    expect((await cloud.db.models.DiffRequest.find().lean()).map((request) => request._id.toHexString())).toEqual([unrelated._id.toHexString()]);
    // The file Bob's record still uses stays, with its bytes; the other is gone with its blob.
    const files = await cloud.db.models.File.find().lean();
    expect(files).toHaveLength(1);
    const download = await bob.browser.get(`/cloud/v1/records/${bobs._id}/files/shared.txt`).expect(200);
    expect(download.text).toBe('shared bytes');
    const blobs = await cloud.db.connection.db?.collection('blobs.files').countDocuments();
    expect(blobs).toBe(1);
    await alice.browser.get(`/cloud/v1/projects/${doomed._id}`).expect(404);
  });
});

describe('creating records by hand', () => {
  it('creates a record in the latest container, with a 409 for a label in use', async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'manual');
    const container = await makeContainer(cloud.db, alice, 'manual', { system: 'docker' });
    const res = await alice.browser.post(`/cloud/v1/projects/${project._id}/records`, {
      label: 'by-hand',
      status: 'finished',
      parameters: { 'a.b': 1, $x: [[1]] },
      reason: 'Checked by hand',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: 'by-hand', container: container._id.toHexString(), projectName: 'manual', parameters: { 'a.b': 1, $x: [[1]] } });
    const again = await alice.browser.post(`/cloud/v1/projects/${project._id}/records`, { label: 'by-hand' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('label_taken');
  });

  it("refuses records in someone else's projects (403 when visible, 404 when private)", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const open = await makeProject(cloud.db, alice, 'open', { private: false });
    const closed = await makeProject(cloud.db, alice, 'closed');
    await bob.browser.post(`/cloud/v1/projects/${open._id}/records`, { label: 'x' }).expect(403);
    await bob.browser.post(`/cloud/v1/projects/${closed._id}/records`, { label: 'x' }).expect(404);
    expect(await cloud.db.models.Record.countDocuments()).toBe(0);
  });
});

describe("a page of a project's records", () => {
  it('names the records after the project already found, without looking it up again', async () => {
    const { user } = await cloud.tokenUser('Ada');
    const owner = { id: user._id };
    const project = await makeProject(cloud.db, owner, 'lattice', { private: false });
    await makeRecord(cloud.db, owner, 'lattice', { label: 'r1' });
    const anonymous = await cloud.browser();
    const projectLookups: unknown[] = [];
    const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'find' && event.command.find === 'projects') projectLookups.push(event.command.filter);
    };
    const client = cloud.db.connection.getClient();
    client.on('commandStarted', listener);
    let body: { data: Array<{ label: string; projectName: string }> } = { data: [] };
    try {
      body = (await anonymous.get(`/cloud/v1/projects/${project._id.toHexString()}/records`).expect(200)).body;
    } finally {
      client.off('commandStarted', listener);
    }
    expect(body.data.map((record) => [record.label, record.projectName])).toEqual([['r1', 'lattice']]);
    expect(projectLookups).toHaveLength(1);
  });
});
