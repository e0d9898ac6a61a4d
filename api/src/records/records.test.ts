import { describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';
import { makeSealedPair } from '../test/verdicts.js';

const api = useApi();
const sha = (c: string) => c.repeat(64);

async function setup(visibility: { private?: boolean } = {}) {
  const alice = await api.user('Alice');
  const project = await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send(visibility).expect(201);
  return { alice, projectId: project.body.id as string };
}

describe('record push', () => {
  it('stores every field of the atom and shows it back', async () => {
    const { alice } = await setup();
    const body = {
      label: 'run-1',
      status: 'started',
      program: { command: 'python', arguments: ['sim.py', 'p.json'], entryPoint: 'sim.py', versionControl: { vcs: 'git', commit: 'abc', dirty: false } },
      parameters: { seed: 7, 'grid.size': [[1, 2], [3]] },
      inputs: [{ name: 'p.json', path: 'conf/p.json', sha256: sha('a'), size: 12, mediaType: 'application/json' }],
      outputs: [],
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }],
      system: { os: 'Linux', arch: 'x86_64', cpu: 8, $weird: { '': 1 } },
      tags: ['baseline'],
      reason: 'why',
      custom: { anything: ['goes'] },
    };
    const created = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      label: 'run-1',
      status: 'started',
      projectName: 'sim',
      owner: { name: 'Alice' },
      program: body.program,
      parameters: body.parameters,
      inputs: [{ ...body.inputs[0], file: null }],
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip', source: null }],
      system: body.system,
      tags: ['baseline'],
      reason: 'why',
      custom: body.custom,
      private: true,
    });
    expect(created.body.statusHistory).toEqual([{ status: 'started', at: expect.any(String) }]);
    const shown = await api.request().get('/api/v1/record/display/sim/run-1').set(bearer(alice.token)).expect(200);
    expect(shown.body).toEqual(created.body);
  });

  it('gives a timestamp label when none is sent, and distinct labels to simultaneous runs', async () => {
    const { alice } = await setup();
    const results = await Promise.all(Array.from({ length: 5 }, () => api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({})));
    expect(results.every((res) => res.status === 201)).toBe(true);
    const labels = results.map((res) => res.body.label as string);
    expect(new Set(labels).size).toBe(5);
    for (const label of labels) expect(label).toMatch(/^\d{8}-\d{6}-\d{3}(-[0-9a-f]{6})?$/);
  });

  it('refuses a label that is already used in the project with 409', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'same' }).expect(201);
    const res = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'same' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('label_taken');
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });

  it('runs a record in the container it names, or in the latest one', async () => {
    const { alice } = await setup();
    const first = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', version: { commit: 'one' } });
    const second = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', version: { commit: 'two' } });
    const latest = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({}).expect(201);
    expect(latest.body.container).toBe(second.body.id);
    const named = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ container: first.body.id }).expect(201);
    expect(named.body.container).toBe(first.body.id);
    const foreign = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ container: 'f'.repeat(24) });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('unknown_container');
  });

  it('runs a record in no container when the tool says container: null, though the project has some', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'singularity', version: { commit: 'other' } }).expect(201);
    const none = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'laptop', container: null }).expect(201);
    expect(none.body.container).toBeNull();
    const pulled = await api.request().get('/api/v1/record/pull/sim/laptop').set(bearer(alice.token));
    expect(pulled.status).toBe(404);
    expect(pulled.body.error.code).toBe('no_container');
  });

  it('moves a record to the container an update names, and refuses one from another project with 422, changing nothing', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/project/push/other').set(bearer(alice.token)).send({}).expect(201);
    const first = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', version: { commit: 'one' } }).expect(201);
    const second = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', version: { commit: 'two' } }).expect(201);
    const elsewhere = await api.request().post('/api/v1/container/push/other').set(bearer(alice.token)).send({ system: 'docker' }).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'run' }).expect(201);

    const moved = await api.request().post('/api/v1/record/push/sim/run').set(bearer(alice.token)).send({ container: first.body.id, reason: 'ran in the old image' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ container: first.body.id, reason: 'ran in the old image' });
    expect((await api.request().get('/api/v1/record/display/sim/run').set(bearer(alice.token)).expect(200)).body.container).toBe(first.body.id);

    for (const container of [elsewhere.body.id, 'f'.repeat(24)]) {
      const refused = await api.request().post('/api/v1/record/push/sim/run').set(bearer(alice.token)).send({ container, reason: 'changed' });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'unknown_container', details: { container } });
      expect(refused.body.error.message).toContain('"sim"');
    }
    const kept = await api.request().get('/api/v1/record/display/sim/run').set(bearer(alice.token)).expect(200);
    expect(kept.body).toMatchObject({ container: first.body.id, reason: 'ran in the old image' });
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('refuses unsafe file names and duplicate names with 400, writing nothing', async () => {
    const { alice } = await setup();
    for (const bad of [{ name: '../etc/passwd' }, { name: 'a/b' }, { name: 'ok', path: '/abs/path' }, { name: 'ok', path: 'a/../../b' }, { name: 'nul\u0000' }]) {
      const res = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ outputs: [bad] });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const dup = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ inputs: [{ name: 'x' }, { name: 'x' }] });
    expect(dup.status).toBe(400);
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it("cannot push a record into another user's project: 403 not_owner when Bob can see it, 404 when it is private, as in the cloud", async () => {
    const { projectId } = await setup({ private: false });
    const bob = await api.user();
    const res = await api.request().post(`/api/v1/record/push/${projectId}`).set(bearer(bob.token)).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_owner');
    const carol = await api.user('Carol');
    const hidden = await api.request().post('/api/v1/project/push/hidden').set(bearer(carol.token)).send({}).expect(201);
    const invisible = await api.request().post(`/api/v1/record/push/${hidden.body.id}`).set(bearer(bob.token)).send({});
    expect(invisible.status).toBe(404);
    expect(invisible.body.error.code).toBe('not_found');
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it("refuses to update a record of another user's public project with 403, and of a private one with 404", async () => {
    const { alice, projectId } = await setup({ private: false });
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r', outcome: 'mine' }).expect(201);
    const bob = await api.user();
    const res = await api.request().post(`/api/v1/record/push/${projectId}/r`).set(bearer(bob.token)).send({ outcome: 'hijack' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_owner');
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({ private: true }).expect(200);
    const hidden = await api.request().post(`/api/v1/record/push/${projectId}/r`).set(bearer(bob.token)).send({ outcome: 'hijack' });
    expect(hidden.status).toBe(404);
    const shown = await api.request().get('/api/v1/record/display/sim/r').set(bearer(alice.token)).expect(200);
    expect(shown.body.outcome).toBe('mine');
  });
});

describe('record update', () => {
  it('moves the status forward through a run and keeps its history', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r', status: 'started' }).expect(201);
    await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ status: 'running' }).expect(200);
    await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ status: 'running', stdout: 'step 1\n' }).expect(200);
    const done = await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ status: 'finished', duration: 3.5, outcome: 'ok' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'finished', duration: 3.5, outcome: 'ok', stdout: 'step 1\n' });
    expect(done.body.statusHistory.map((s: { status: string }) => s.status)).toEqual(['started', 'running', 'finished']);
  });

  it('refuses to move a finished run back to running with 422', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r', status: 'finished' }).expect(201);
    const res = await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ status: 'running' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_status_transition', details: { from: 'finished', to: 'running' } });
    const again = await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ status: 'finished' });
    expect(again.status).toBe(200);
  });

  it('merges outputs by name, keeping earlier ones, across concurrent updates', async () => {
    const { alice } = await setup();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r', outputs: [{ name: 'a.txt', sha256: sha('a') }] }).expect(201);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ outputs: [{ name: `out-${i}.csv`, size: i }] }).expect(200),
      ),
    );
    const replaced = await api.request().post('/api/v1/record/push/sim/r').set(bearer(alice.token)).send({ outputs: [{ name: 'a.txt', sha256: sha('b') }] }).expect(200);
    expect(replaced.body.outputs).toHaveLength(11);
    expect(replaced.body.outputs[0]).toMatchObject({ name: 'a.txt', sha256: sha('b') });
  });

  it('finds records by label or id, and answers 404 for unknown ones', async () => {
    const { alice } = await setup();
    const created = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'with space: and colon' }).expect(201);
    await api.request().get(`/api/v1/record/display/sim/${encodeURIComponent('with space: and colon')}`).set(bearer(alice.token)).expect(200);
    await api.request().get(`/api/v1/record/display/sim/${created.body.id}`).set(bearer(alice.token)).expect(200);
    const missing = await api.request().post('/api/v1/record/push/sim/nope').set(bearer(alice.token)).send({ status: 'running' });
    expect(missing.status).toBe(404);
  });
});

describe('a record sealed by an agreed verdict', () => {
  it('refuses updates that change its program, parameters, inputs, outputs, dependencies or system with 409 record_sealed naming the verdict', async () => {
    const { target, sender, verdict } = await makeSealedPair(api);
    const id = verdict._id.toHexString();
    const changes = [
      { parameters: { seed: 8 } },
      { program: { command: 'python', arguments: ['other.py'] } },
      { inputs: [{ name: 'lattice.txt', sha256: sha('b') }] },
      { outputs: [{ name: 'out.txt', sha256: sha('c') }] },
      { outputs: [{ name: 'extra.txt', sha256: sha('d') }] },
      { dependencies: [{ name: 'numpy', version: '2.2.0', manager: 'pip' }] },
      { system: { os: 'Darwin' } },
    ];
    for (const change of changes) {
      const res = await api.request().post('/api/v1/record/push/sim/r1').set(bearer(target.token)).send(change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(res.body.error.code).toBe('record_sealed');
      expect(res.body.error.message).toContain(`agreed verdict ${id}`);
      expect(res.body.error.details).toMatchObject({ diffRequest: id, fields: [Object.keys(change)[0]] });
    }
    // The sender's record is sealed as well.
    const senderChange = await api.request().post('/api/v1/record/push/rerun/copy').set(bearer(sender.token)).send({ parameters: { seed: 9 } });
    expect(senderChange.status).toBe(409);
    expect(senderChange.body.error.details.diffRequest).toBe(id);
    const shown = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(target.token)).expect(200);
    expect(shown.body).toMatchObject({ parameters: { seed: 7 }, system: { os: 'Linux' }, outputs: [{ name: 'out.txt' }] });
  });

  it('accepts annotations, status and a save that repeats its sealed fields unchanged', async () => {
    const { target } = await makeSealedPair(api);
    const same = {
      program: { command: 'python', arguments: ['sim.py'], versionControl: { vcs: 'git', commit: 'a'.repeat(40), dirty: false } },
      parameters: { seed: 7 },
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }],
      system: { os: 'Linux' },
      tags: ['published'],
      reason: 'baseline',
      outcome: 'confirmed by a colleague',
      status: 'finished',
      stdout: 'done\n',
    };
    const res = await api.request().post('/api/v1/record/push/sim/r1').set(bearer(target.token)).send(same);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tags: ['published'], outcome: 'confirmed by a colleague', status: 'finished' });
  });
});

describe('record display lists and search', () => {
  it('lists newest first with filters on status, tag, label prefix and creation time, and pages', async () => {
    const { alice } = await setup();
    for (let i = 0; i < 6; i += 1) {
      await api
        .request()
        .post('/api/v1/record/push/sim')
        .set(bearer(alice.token))
        .send({ label: `${i % 2 ? 'odd' : 'even'}-${i}`, status: i < 3 ? 'finished' : 'crashed', tags: i === 4 ? ['special'] : [] })
        .expect(201);
    }
    const all = await api.request().get('/api/v1/record/display/sim?limit=4').set(bearer(alice.token)).expect(200);
    expect(all.body.data.map((r: { label: string }) => r.label)).toEqual(['odd-5', 'even-4', 'odd-3', 'even-2']);
    expect(all.body.data[0].stdout).toBeUndefined();
    const rest = await api.request().get(`/api/v1/record/display/sim?limit=4&cursor=${all.body.page.next}`).set(bearer(alice.token)).expect(200);
    expect(rest.body.data.map((r: { label: string }) => r.label)).toEqual(['odd-1', 'even-0']);
    expect(rest.body.page.next).toBeNull();

    const crashed = await api.request().get('/api/v1/record/display/sim?status=crashed').set(bearer(alice.token)).expect(200);
    expect(crashed.body.data).toHaveLength(3);
    const tagged = await api.request().get('/api/v1/record/display/sim?tag=special').set(bearer(alice.token)).expect(200);
    expect(tagged.body.data.map((r: { label: string }) => r.label)).toEqual(['even-4']);
    const prefixed = await api.request().get('/api/v1/record/display/sim?labelPrefix=odd').set(bearer(alice.token)).expect(200);
    expect(prefixed.body.data).toHaveLength(3);
    const future = await api.request().get(`/api/v1/record/display/sim?createdAfter=${new Date(Date.now() + 60_000).toISOString()}`).set(bearer(alice.token)).expect(200);
    expect(future.body.data).toEqual([]);
    const bad = await api.request().get('/api/v1/record/display/sim?status=exploded').set(bearer(alice.token));
    expect(bad.status).toBe(400);
    const typo = await api.request().get('/api/v1/record/display/sim?staus=crashed').set(bearer(alice.token));
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toMatch(/staus/);
  });

  it('lists and searches each record as the record shown alone without its heavy fields, with the values at columns only when asked', async () => {
    const { alice } = await setup();
    const body = {
      label: 'full-1',
      status: 'finished',
      program: { command: 'python', arguments: ['sim.py'] },
      parameters: { seed: 7, solver: { cfl: 0.4 } },
      metrics: { error: 0.25 },
      inputs: [{ name: 'p.json', path: 'conf/p.json', sha256: sha('a'), size: 12, mediaType: 'application/json' }],
      outputs: [{ name: 'out.csv', sha256: sha('b'), size: 64, mediaType: 'text/csv' }],
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }],
      system: { os: 'Linux' },
      tags: ['baseline'],
      reason: 'why',
      outcome: 'fine',
      duration: 12.5,
      custom: { anything: ['goes'] },
      stdout: 'out',
      stderr: 'err',
    };
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send(body).expect(201);
    const shown = await api.request().get('/api/v1/record/display/sim/full-1').set(bearer(alice.token)).expect(200);
    const { statusHistory, program, parameters, dependencies, system, stdout, stderr, custom, ...summary } = shown.body as Record<string, unknown>;
    expect([statusHistory, program, parameters, dependencies, system, stdout, stderr, custom].every((field) => field !== undefined)).toBe(true);
    expect(summary).toMatchObject({ metrics: { error: 0.25 }, outcome: 'fine', duration: 12.5 });

    const listed = await api.request().get('/api/v1/record/display/sim?limit=20').set(bearer(alice.token)).expect(200);
    expect(listed.body).toEqual({ data: [summary], page: { next: null } });
    const found = await api.request().get('/api/v1/record/search?q=full').set(bearer(alice.token)).expect(200);
    expect(found.body.data).toEqual([summary]);

    const columns = { columns: 'parameters.solver.cfl,metrics.error,parameters.missing' };
    const withColumns = await api.request().get('/api/v1/record/display/sim').query(columns).set(bearer(alice.token)).expect(200);
    expect(withColumns.body.data).toEqual([{ ...summary, columns: { 'parameters.solver.cfl': 0.4, 'metrics.error': 0.25, 'parameters.missing': null } }]);
    const searchedWithColumns = await api.request().get('/api/v1/record/search').query({ q: 'full', ...columns }).set(bearer(alice.token)).expect(200);
    expect(searchedWithColumns.body.data).toEqual(withColumns.body.data);
  });

  it('searches own and public records, never others\' private ones', async () => {
    const { alice } = await setup({ private: false });
    const bob = await api.user();
    await api.request().post('/api/v1/project/push/hidden').set(bearer(alice.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'lattice-public' }).expect(201);
    await api.request().post('/api/v1/record/push/hidden').set(bearer(alice.token)).send({ label: 'lattice-private' }).expect(201);
    const res = await api.request().get('/api/v1/record/search?q=lattice').set(bearer(bob.token)).expect(200);
    expect(res.body.data.map((r: { label: string; projectName: string }) => [r.label, r.projectName])).toEqual([['lattice-public', 'sim']]);
    const own = await api.request().get('/api/v1/record/search?q=lattice').set(bearer(alice.token)).expect(200);
    expect(own.body.data).toHaveLength(2);
  });

  it('shows a public record to others through the project id, and hides a private one', async () => {
    const { alice, projectId } = await setup({ private: false });
    const bob = await api.user();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r' }).expect(201);
    await api.request().get(`/api/v1/record/display/${projectId}/r`).set(bearer(bob.token)).expect(200);
    await api.request().get(`/api/v1/record/display/${projectId}`).set(bearer(bob.token)).expect(200);
    await api.request().get('/api/v1/record/display/sim/r').set(bearer(bob.token)).expect(404);
  });

  it('answers 404 for the image of a project without records', async () => {
    const { alice } = await setup();
    const res = await api.request().get('/api/v1/record/pull/sim').set(bearer(alice.token));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no records/);
  });
});
