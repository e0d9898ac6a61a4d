import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerDiffRequest, createDiffRequest, type RecordDoc } from '@reprise/core';
import type { TestUser } from '@reprise/tools/testing';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();

const RECORD_TYPE = 'application/vnd.sumatra.record-v4+json';
const PROJECT_TYPE = 'application/vnd.sumatra.project-v4+json';
const ACCEPT_RECORD = `${RECORD_TYPE}, application/json`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A record as Sumatra 0.8.1 sends it (record2dict), finished, with one output; `overrides` replace keys in place. */
function sumatraRecord(label: string, overrides: Record<string, Json> = {}): Record<string, Json> {
  const record: Record<string, Json> = {
    label,
    timestamp: '2026-11-22 07:13:23+0000',
    reason: 'testing',
    duration: 0.1085,
    executable: { path: '/usr/bin/python3', version: '3.11.7', name: 'Python', options: '' },
    repository: { url: '/tmp/proj', type: 'GitRepository', upstream: null },
    main_file: 'main.py',
    version: '6c9bd33c0c0d44a7a1b1dd3c9a3d6c1cd16fb2f1',
    parameters: { content: 'a = 5\nb = 2', type: 'SimpleParameterSet' },
    input_data: [
      {
        path: 'home/alice/inputs/data.csv',
        digest: 'a9993e364706816aba3e25717850c26c9cd0d89d',
        metadata: { mimetype: 'text/csv', encoding: null, size: 120 },
        creation: '2026-11-20 10:00:00+0100',
      },
    ],
    script_arguments: '<parameters> --fast',
    launch_mode: { type: 'SerialLaunchMode', parameters: { working_directory: '/tmp/proj', options: null } },
    datastore: { type: 'FileSystemDataStore', parameters: { root: '/tmp/proj/Data' } },
    input_datastore: { type: 'FileSystemDataStore', parameters: { root: '/' } },
    outcome: '',
    stdout_stderr: 'hello\n',
    output_data: [
      {
        path: 'out.txt',
        digest: '0ac921c1d42e8ba1bc2b0e3e0fe9f3c4b7e8a5d2',
        metadata: { mimetype: 'text/plain', encoding: null, size: 7 },
        creation: '2026-11-22 07:13:25+0000',
      },
    ],
    tags: ['_finished_', 't1'],
    diff: '',
    user: 'Tester <t@example.com>',
    dependencies: [{ path: '/usr/lib/python3/numpy', version: '1.26.4', name: 'numpy', module: 'python', diff: '', source: null }],
    platforms: [
      {
        system_name: 'Linux',
        ip_addr: '127.0.0.1',
        architecture_bits: '64bit',
        machine: 'x86_64',
        architecture_linkage: 'ELF',
        version: '#1 SMP',
        release: '6.1.0',
        network_name: 'vm',
        processor: '',
      },
    ],
    repeats: null,
  };
  for (const [key, value] of Object.entries(overrides)) record[key] = value;
  return record;
}

function put(user: TestUser, path: string, body: unknown) {
  return api.request().put(`/sumatra/${path}`).auth(user.user.email, user.token).set('Content-Type', RECORD_TYPE).send(JSON.stringify(body));
}

function get(user: TestUser, path: string) {
  return api.request().get(`/sumatra/${path}`).auth(user.user.email, user.token).set('Accept', ACCEPT_RECORD);
}

function del(user: TestUser, path: string) {
  return api.request().delete(`/sumatra/${path}`).auth(user.user.email, user.token);
}

/** The labels of a project listing, from its absolute URLs. */
function labelsOf(urls: string[], project: string): string[] {
  return urls.map((url) => decodeURIComponent(new URL(url).pathname.replace(`/sumatra/${project}/`, '').replace(/\/$/, '')));
}

describe('Sumatra store authentication', () => {
  it('challenges requests without credentials with 401 and WWW-Authenticate: Basic, before anything else', async () => {
    for (const request of [api.request().get('/sumatra/'), api.request().get('/sumatra/missing/'), api.request().put('/sumatra/p/r/').send({})]) {
      const res = await request;
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="Reprise"');
      expect(res.body.error.message).toMatch(/email.*API token/);
    }
  });

  it('refuses a wrong token, a wrong email and a Bearer header with the Basic challenge', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const attempts = [
      api.request().get('/sumatra/').auth(alice.user.email, 'rpr_wrong'),
      api.request().get('/sumatra/').auth(bob.user.email, alice.token),
      api.request().get('/sumatra/').set(bearer(alice.token)),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="Reprise"');
    }
  });

  it('takes the account email in any case, or percent-encoded as in a store URL, as the user name', async () => {
    const alice = await api.user();
    const { email } = alice.user;
    for (const user of [email, email.toUpperCase(), encodeURIComponent(email)]) {
      const res = await api.request().get('/sumatra/').auth(user, alice.token);
      expect(res.status, user).toBe(200);
    }
  });

  it('keeps every caller in their own namespace: others\' projects are 404 and never listed', async () => {
    const alice = await api.user();
    const bob = await api.user();
    await put(alice, 'mine/r1/', sumatraRecord('r1')).expect(201);
    await get(bob, 'mine/').expect(404);
    await get(bob, 'mine/r1/').expect(404);
    await del(bob, 'mine/r1/').expect(404);
    const list = await get(bob, '').expect(200);
    expect(list.body).toEqual([]);
    // Bob's PUT of the same name makes his own project and leaves Alice's record alone.
    await put(bob, 'mine/r1/', sumatraRecord('r1', { reason: 'bob' })).expect(201);
    const alices = await get(alice, 'mine/r1/').expect(200);
    expect(alices.body.reason).toBe('testing');
  });
});

describe('Sumatra store projects', () => {
  it('answers 404 for a missing project, 201 when a PUT creates it (body {} or none) and 200 when it exists', async () => {
    const alice = await api.user();
    await get(alice, 'fresh/').expect(404);
    const created = await api.request().put('/sumatra/fresh/').auth(alice.user.email, alice.token).set('Content-Type', PROJECT_TYPE).send('{}');
    expect(created.status).toBe(201);
    const again = await api.request().put('/sumatra/fresh/').auth(alice.user.email, alice.token).set('Content-Type', PROJECT_TYPE).send('{}');
    expect(again.status).toBe(200);
    const bare = await api.request().put('/sumatra/bare/').auth(alice.user.email, alice.token);
    expect(bare.status).toBe(201);
    const project = await get(alice, 'fresh/').expect(200);
    expect(project.body).toEqual({
      id: 'fresh',
      name: 'fresh',
      description: '',
      records: [],
      tags: [],
      user: alice.user.email,
      access: [alice.user.email],
    });
    const stored = await api.db.models.Project.findOne({ owner: alice.user._id, name: 'fresh' }).lean();
    expect(stored?.private).toBe(true);
  });

  it('keeps the long name and the description of a project PUT', async () => {
    const alice = await api.user();
    await api
      .request()
      .put('/sumatra/dla/')
      .auth(alice.user.email, alice.token)
      .set('Content-Type', PROJECT_TYPE)
      .send(JSON.stringify({ name: 'Diffusion-limited aggregation', description: 'On a lattice.' }))
      .expect(201);
    const res = await get(alice, 'dla/').expect(200);
    expect(res.body).toMatchObject({ id: 'dla', name: 'Diffusion-limited aggregation', description: 'On a lattice.' });
  });

  it('refuses project names Reprise does not allow with a 400 that says why', async () => {
    const alice = await api.user();
    for (const name of ['-lead', 'a%20b', '.hidden']) {
      const res = await api.request().put(`/sumatra/${name}/`).auth(alice.user.email, alice.token).set('Content-Type', PROJECT_TYPE).send('{}');
      expect(res.status, name).toBe(400);
      expect(res.body.error.message).toMatch(/project name/i);
      const record = await put(alice, `${name}/r1/`, sumatraRecord('r1'));
      expect(record.status, name).toBe(400);
      // has_project must see "missing", not an error, before Sumatra tries to create it.
      await get(alice, `${name}/`).expect(404);
    }
    expect(await api.db.models.Project.countDocuments()).toBe(0);
  });

  it('lists the caller\'s projects with absolute URIs on the host the client used', async () => {
    const alice = await api.user();
    await put(alice, 'one/r/', sumatraRecord('r')).expect(201);
    await put(alice, 'two/r/', sumatraRecord('r')).expect(201);
    const res = await api.request().get('/sumatra/').auth(alice.user.email, alice.token).set('Host', 'store.example.org:8443').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.sumatra\.project-list-v4\+json/);
    expect(res.body.map((entry: { id: string }) => entry.id)).toEqual(['two', 'one']);
    expect(res.body[0]).toEqual({ id: 'two', name: 'two', description: '', uri: 'http://store.example.org:8443/sumatra/two/', last_updated: expect.any(String) });
  });
});

describe('Sumatra store records', () => {
  it('creates a record with 201, replaces it whole with 200 on every later save, and the last save wins', async () => {
    const alice = await api.user();
    const label = '20261122-071323';
    const stages: Array<Record<string, Json>> = [
      sumatraRecord(label, { tags: ['_initialized_'], duration: null, platforms: [], user: '', stdout_stderr: 'Not launched.', output_data: [] }),
      sumatraRecord(label, { tags: ['_pre_run_'], duration: null, stdout_stderr: 'Not launched.', output_data: [] }),
      sumatraRecord(label, { tags: ['_running_'], duration: null, stdout_stderr: 'Not yet captured.', output_data: [] }),
      sumatraRecord(label, { tags: ['_finished..._'], duration: null, stdout_stderr: 'Not yet captured.', output_data: [] }),
      sumatraRecord(label, { tags: ['_finished_'] }),
    ];
    const statuses: number[] = [];
    for (const stage of stages) statuses.push((await put(alice, `proj/${label}/`, stage)).status);
    expect(statuses).toEqual([201, 200, 200, 200, 200]);

    const res = await get(alice, `proj/${label}/`).expect(200);
    expect(res.body).toEqual(stages[4]);
    const stored = await api.db.models.Record.find({ label }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('finished');
    expect(stored[0]?.statusHistory.map((change) => change.status)).toEqual(['scheduled', 'started', 'running', 'finished']);
    expect(stored[0]?.duration).toBe(0.1085);
    expect(stored[0]?.stdout).toBe('hello\n');
    expect(stored[0]?.outputs.map((output) => output.name)).toEqual(['out.txt']);

    // A later save without the outputs (nothing merges): the record is exactly the new one.
    await put(alice, `proj/${label}/`, sumatraRecord(label, { output_data: [], tags: ['_finished_', 'again'] })).expect(200);
    const replaced = await api.db.models.Record.findOne({ label }).lean();
    expect(replaced?.outputs).toEqual([]);
    expect(replaced?.tags).toEqual(['again']);
  });

  it('gives the record back exactly: timestamps and digests byte for byte, key order, numbers, non-ASCII text', async () => {
    const alice = await api.user();
    const body = sumatraRecord('exact', {
      timestamp: '2026-11-22 07:13:23+0530',
      stdout_stderr: 'h\u00e9llo \u2713 \ud83d\ude00\ttab\r\n',
      reason: 'quote " backslash \\ and $dollar',
      parameters: { content: '{"a.b": 1, "$x": [[1, [2]]], "": null}', type: 'JSONParameterSet' },
    });
    // Python's json.dumps writes ", " and ": " and escapes non-ASCII; the client only parses it.
    const pythonish = JSON.stringify(body, null, 1).replace(/\n\s*/g, ' ').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    await api.request().put('/sumatra/p/exact/').auth(alice.user.email, alice.token).set('Content-Type', RECORD_TYPE).send(pythonish).expect(201);
    const res = await get(alice, 'p/exact/').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.sumatra\.record-v4\+json/);
    expect(res.text).toBe(JSON.stringify(body));
    expect(res.text).toContain('"timestamp":"2026-11-22 07:13:23+0530"');
    expect(res.text).toContain('"creation":"2026-11-20 10:00:00+0100"');
  });

  it('lists every record as an absolute URL on the Host the client used, newest first by Sumatra time', async () => {
    const alice = await api.user();
    // 09:00+0200 is 07:00 UTC, older than 08:00+0000 although it sorts later as text.
    await put(alice, 'p/b/', sumatraRecord('b', { timestamp: '2026-11-22 09:00:00+0200' })).expect(201);
    await put(alice, 'p/a/', sumatraRecord('a', { timestamp: '2026-11-22 08:00:00+0000' })).expect(201);
    await put(alice, 'p/c/', sumatraRecord('c', { timestamp: '2026-11-22T06:00:00' })).expect(201);
    const res = await get(alice, 'p/').set('Host', 'store.example.org:8443').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.sumatra\.project-v4\+json/);
    expect(res.body.records).toEqual([
      'http://store.example.org:8443/sumatra/p/a/',
      'http://store.example.org:8443/sumatra/p/b/',
      'http://store.example.org:8443/sumatra/p/c/',
    ]);
    const last = await get(alice, 'p/last/').expect(200);
    expect(last.body.label).toBe('a');
  });

  it('filters ?tags= by exact membership of every tag (AND), status tags included', async () => {
    const alice = await api.user();
    await put(alice, 'p/both/', sumatraRecord('both', { tags: ['_finished_', 'x', 'y'] })).expect(201);
    await put(alice, 'p/only-x/', sumatraRecord('only-x', { tags: ['_failed_', 'x'] })).expect(201);
    await put(alice, 'p/xy/', sumatraRecord('xy', { tags: ['_finished_', 'xy'] })).expect(201);
    const labels = async (tags: string) => labelsOf((await get(alice, `p/?tags=${tags}`).expect(200)).body.records, 'p').sort();
    expect(await labels('x')).toEqual(['both', 'only-x']);
    expect(await labels('x,y')).toEqual(['both']);
    expect(await labels('_finished_')).toEqual(['both', 'xy']);
    expect(await labels('x,_failed_')).toEqual(['only-x']);
    expect(await labels('nope')).toEqual([]);
  });

  it('serves labels with ":" and "/" as sent or percent-encoded, and percent-decodes every segment', async () => {
    const alice = await api.user();
    await put(alice, 'p/2026:11:22/', sumatraRecord('2026:11:22')).expect(201);
    await put(alice, 'p/runs/a b/', sumatraRecord('runs/a b')).expect(201);
    await get(alice, 'p/2026%3A11%3A22/').expect(200);
    const nested = await get(alice, 'p/runs%2Fa%20b/').expect(200);
    expect(nested.body.label).toBe('runs/a b');
    await get(alice, 'p/runs/a%20b/').expect(200);
    const listing = await get(alice, 'p/').expect(200);
    expect(labelsOf(listing.body.records, 'p').sort()).toEqual(['2026:11:22', 'runs/a b']);
    // The listed URLs work as they are.
    for (const url of listing.body.records as string[]) {
      await api.request().get(new URL(url).pathname).auth(alice.user.email, alice.token).expect(200);
    }
    await get(alice, 'p/%E0%A4%A/').expect(400);
  });

  it('answers 404 (Sumatra\'s KeyError) for missing records, and for records not written through Sumatra', async () => {
    const alice = await api.user();
    await get(alice, 'p/nothing/').expect(404);
    await put(alice, 'p/kept/', sumatraRecord('kept')).expect(201);
    await get(alice, 'p/nothing/').expect(404);
    await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'native', status: 'finished' }).expect(201);
    await get(alice, 'p/native/').expect(404);
    const listing = await get(alice, 'p/').expect(200);
    expect(labelsOf(listing.body.records, 'p')).toEqual(['kept']);
  });

  it('answers last/ with the newest record, and 404 when the project has none', async () => {
    const alice = await api.user();
    await api.request().put('/sumatra/empty/').auth(alice.user.email, alice.token).expect(201);
    await get(alice, 'empty/last/').expect(404);
    await put(alice, 'empty/old/', sumatraRecord('old', { timestamp: '2026-01-01 00:00:00+0000' })).expect(201);
    await put(alice, 'empty/new/', sumatraRecord('new', { timestamp: '2026-06-01 00:00:00+0000' })).expect(201);
    await put(alice, 'empty/old/', sumatraRecord('old', { timestamp: '2026-01-01 00:00:00+0000', reason: 'saved last' })).expect(200);
    const res = await get(alice, 'empty/last/').expect(200);
    expect(res.body.label).toBe('new');
  });

  it('deletes a record for real with 204 (project counts follow), and answers 404 for a missing one', async () => {
    const alice = await api.user();
    await put(alice, 'p/r1/', sumatraRecord('r1')).expect(201);
    await put(alice, 'p/r2/', sumatraRecord('r2')).expect(201);
    const res = await del(alice, 'p/r1/');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    await get(alice, 'p/r1/').expect(404);
    expect(await api.db.models.Record.countDocuments({ label: 'r1' })).toBe(0);
    const pulled = await api.request().get('/api/v1/project/pull/p').set(bearer(alice.token)).expect(200);
    expect(pulled.body.counts).toMatchObject({ records: 1, byStatus: { finished: 1 } });
    await del(alice, 'p/r1/').expect(404);
    await del(alice, 'missing/r1/').expect(404);
  });

  it('deletes by tag with 200 and the bare number of records deleted', async () => {
    const alice = await api.user();
    await put(alice, 'p/a/', sumatraRecord('a', { tags: ['_finished_', 'old'] })).expect(201);
    await put(alice, 'p/b/', sumatraRecord('b', { tags: ['_failed_', 'old'] })).expect(201);
    await put(alice, 'p/c/', sumatraRecord('c', { tags: ['_finished_', 'new'] })).expect(201);
    const res = await del(alice, 'p/tag/old/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('2');
    const none = await del(alice, 'p/tag/old/');
    expect(none.text).toBe('0');
    expect(await api.db.models.Record.find({}, { label: 1 }).lean().then((records) => records.map((record) => record.label))).toEqual(['c']);
  });

  it('accepts a 10 MB record and gives it back intact', async () => {
    const alice = await api.user();
    const output = `${'0123456789abcdef'.repeat(64)}\n`.repeat(10 * 1024);
    expect(output.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    await put(alice, 'big/huge/', sumatraRecord('huge', { stdout_stderr: output })).expect(201);
    const res = await get(alice, 'big/huge/').expect(200);
    expect(res.body.stdout_stderr.length).toBe(output.length);
    expect(res.body.stdout_stderr === output).toBe(true);
  }, 120_000);

  it('sends Cache-Control: no-store, and no ETag or Last-Modified, on every response', async () => {
    const alice = await api.user();
    await put(alice, 'p/r/', sumatraRecord('r')).expect(201);
    const responses = [
      await get(alice, ''),
      await get(alice, 'p/'),
      await get(alice, 'p/r/'),
      await get(alice, 'p/last/'),
      await get(alice, 'p/missing/'),
      await api.request().get('/sumatra/p/'),
    ];
    for (const [index, res] of responses.entries()) {
      expect(res.headers['cache-control'], `response ${index}`).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers['last-modified']).toBeUndefined();
    }
  });

  it('refuses a body whose label is not the URL\'s, reserved labels, and records missing keys Sumatra needs, with 400', async () => {
    const alice = await api.user();
    const mismatch = await put(alice, 'p/one/', sumatraRecord('two'));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('label_mismatch');
    for (const label of ['last', 'tag/x']) {
      const res = await put(alice, `p/${label}/`, sumatraRecord(label));
      expect(res.status, label).toBe(400);
      expect(res.body.error.code).toBe('reserved_label');
    }
    const { executable: _executable, ...withoutExecutable } = sumatraRecord('three');
    const missing = await put(alice, 'p/three/', withoutExecutable);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/executable/);
    const notJson = await api.request().put('/sumatra/p/four/').auth(alice.user.email, alice.token).set('Content-Type', RECORD_TYPE).send('{"label": ');
    expect(notJson.status).toBe(400);
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it('answers 405 with Allow for methods the protocol does not have', async () => {
    const alice = await api.user();
    const res = await api.request().post('/sumatra/p/r/').auth(alice.user.email, alice.token).send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PUT, DELETE');
    const root = await api.request().delete('/sumatra/').auth(alice.user.email, alice.token);
    expect(root.status).toBe(405);
  });

  it('serves the paths without their trailing slash too, never redirecting', async () => {
    const alice = await api.user();
    await put(alice, 'p/r', sumatraRecord('r')).expect(201);
    await get(alice, 'p/r').expect(200);
    await get(alice, 'p').expect(200);
    await api.request().get('/sumatra').auth(alice.user.email, alice.token).expect(200);
  });
});

describe('Sumatra names that have the form of an id', () => {
  it('refuses a new project or record label of 24 hex digits with 422 and creates nothing', async () => {
    const alice = await api.user();
    const hex = '0123456789abcdef01234567';
    const project = await api.request().put(`/sumatra/${hex}/`).auth(alice.user.email, alice.token).set('Content-Type', 'application/vnd.sumatra.project-v4+json').send('{}');
    expect(project.status).toBe(422);
    expect(project.body.error.code).toBe('name_shadows_id');
    const intoNewProject = await put(alice, `${hex}/20261122-071323/`, sumatraRecord('20261122-071323'));
    expect(intoNewProject.status).toBe(422);
    const record = await put(alice, `p/${hex}/`, sumatraRecord(hex));
    expect(record.status).toBe(422);
    expect(record.body.error).toMatchObject({ code: 'name_shadows_id', details: { label: hex } });
    // Sumatra's own labels are timestamps: saved as usual.
    await put(alice, 'p/20261122-071323/', sumatraRecord('20261122-071323')).expect(201);
    expect((await api.db.models.Project.find().lean()).map((p) => p.name)).toEqual(['p']);
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });
});

describe('Sumatra labels and file names in odd Unicode', () => {
  it('stores an NFD label in NFC and finds the record by either form; output names lose bidirectional controls', async () => {
    const alice = await api.user();
    const nfd = 'cafe\u0301-run';
    const nfc = 'caf\u00e9-run';
    const outputs = [{ path: 'report\u202Etxt.exe', digest: '0ac921c1d42e8ba1bc2b0e3e0fe9f3c4b7e8a5d2', metadata: { size: 2 }, creation: null }];
    await put(alice, `p/${encodeURIComponent(nfd)}/`, sumatraRecord(nfd, { output_data: outputs })).expect(201);
    for (const form of [nfd, nfc]) {
      const got = await get(alice, `p/${encodeURIComponent(form)}/`);
      expect(got.status, form).toBe(200);
      // Sumatra gets its own document back, label as it sent it.
      expect(JSON.parse(got.text).label).toBe(nfd);
    }
    const stored = await api.db.models.Record.findOne().lean();
    expect(stored?.label).toBe(nfc);
    expect(stored?.outputs.map((output) => [output.name, output.path])).toEqual([['report_txt.exe', null]]);
    // Saving it again by its NFD label replaces the same record.
    await put(alice, `p/${encodeURIComponent(nfd)}/`, sumatraRecord(nfd, { reason: 'again' })).expect(200);
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });
});

describe('Sumatra records in Reprise', () => {
  it('maps program, parameters, inputs, outputs, dependencies, system, tags and output into the Reprise record', async () => {
    const alice = await api.user();
    const diff = 'diff --git a/main.py b/main.py\n+print(1)\n';
    await put(alice, 'p/mapped/', sumatraRecord('mapped', { diff, tags: ['_finished_', 't1', 'z'] })).expect(201);
    const res = await api.request().get('/api/v1/record/display/p/mapped').set(bearer(alice.token)).expect(200);
    const record = res.body;
    expect(record).toMatchObject({
      label: 'mapped',
      status: 'finished',
      tags: ['t1', 'z'],
      reason: 'testing',
      outcome: '',
      duration: 0.1085,
      stdout: 'hello\n',
      stderr: '',
      parameters: { content: 'a = 5\nb = 2', type: 'SimpleParameterSet' },
      dependencies: [{ name: 'numpy', version: '1.26.4', manager: 'python', source: null }],
    });
    expect(record.program).toEqual({
      command: '/usr/bin/python3',
      arguments: ['<parameters>', '--fast'],
      entryPoint: 'main.py',
      executable: { path: '/usr/bin/python3', version: '3.11.7', name: 'Python', options: '' },
      versionControl: {
        vcs: 'git',
        repository: '/tmp/proj',
        commit: '6c9bd33c0c0d44a7a1b1dd3c9a3d6c1cd16fb2f1',
        branch: null,
        tag: null,
        dirty: true,
        diff: createHash('sha256').update(diff).digest('hex'),
      },
    });
    // Sumatra's sha1 is each entry's sha1 (what the assessment compares when there is no sha256).
    expect(record.inputs).toEqual([
      { name: 'data.csv', path: 'home/alice/inputs/data.csv', sha256: null, sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d', size: 120, mediaType: 'text/csv', file: null },
    ]);
    expect(record.outputs).toEqual([{ name: 'out.txt', path: 'out.txt', sha256: null, sha1: '0ac921c1d42e8ba1bc2b0e3e0fe9f3c4b7e8a5d2', size: 7, mediaType: 'text/plain', file: null }]);
    expect(record.custom.sumatra.outputs).toEqual([
      {
        name: 'out.txt',
        path: 'out.txt',
        sha1: '0ac921c1d42e8ba1bc2b0e3e0fe9f3c4b7e8a5d2',
        creation: '2026-11-22 07:13:25+0000',
        metadata: { mimetype: 'text/plain', encoding: null, size: 7 },
      },
    ]);
    expect(record.custom.sumatra).toMatchObject({ timestamp: '2026-11-22 07:13:23+0000', user: 'Tester <t@example.com>', launch_mode: { type: 'SerialLaunchMode' } });
    expect(record.system).toMatchObject({ os: 'Linux', arch: 'x86_64', hostname: 'vm', release: '6.1.0' });
    expect(record.system.platforms).toHaveLength(1);
    // A clean working copy has no diff digest, so two clean runs of one commit compare equal.
    await put(alice, 'p/clean/', sumatraRecord('clean')).expect(201);
    const clean = await api.request().get('/api/v1/record/display/p/clean').set(bearer(alice.token)).expect(200);
    expect(clean.body.program.versionControl).toMatchObject({ dirty: false, diff: null });
  });

  it('maps Sumatra\'s status tags to Reprise statuses', async () => {
    const alice = await api.user();
    const cases: Array<[string[], string]> = [
      [['_initialized_'], 'scheduled'],
      [['_pre_run_'], 'started'],
      [['_running_'], 'running'],
      [['_failed..._'], 'running'],
      [['_finished_', 'x'], 'finished'],
      [['_succeeded_'], 'finished'],
      [['_failed_'], 'crashed'],
      [['_crashed_'], 'crashed'],
      [['_killed_'], 'aborted'],
      [['just-a-tag'], 'unknown'],
    ];
    for (const [index, [tags, status]] of cases.entries()) {
      const res = await put(alice, `p/s${index}/`, sumatraRecord(`s${index}`, { tags }));
      expect(res.status).toBe(201);
      expect(res.body.status, tags.join(',')).toBe(status);
    }
  });

  it('restarts the status history when a finished record is saved as a new run under the same label', async () => {
    const alice = await api.user();
    await put(alice, 'p/redo/', sumatraRecord('redo', { tags: ['_finished_'] })).expect(201);
    await put(alice, 'p/redo/', sumatraRecord('redo', { tags: ['_initialized_'], duration: null })).expect(200);
    await put(alice, 'p/redo/', sumatraRecord('redo', { tags: ['_running_'], duration: null })).expect(200);
    const record = await api.db.models.Record.findOne({ label: 'redo' }).lean();
    expect(record?.status).toBe('running');
    expect(record?.statusHistory.map((change) => change.status)).toEqual(['scheduled', 'running']);
    expect(record?.duration).toBeNull();
  });

  it('keeps the sha1 of data keys apart: names made unique, sha256 left null, unsafe paths dropped', async () => {
    const alice = await api.user();
    const key = (path: string, digest: string): Json => ({ path, digest, metadata: { size: 1 }, creation: null });
    await put(
      alice,
      'p/keys/',
      sumatraRecord('keys', {
        output_data: [key('a/out.txt', '1'.repeat(40)), key('b/out.txt', '2'.repeat(40)), key('../escape.txt', '3'.repeat(40))],
      }),
    ).expect(201);
    const record = (await api.request().get('/api/v1/record/display/p/keys').set(bearer(alice.token)).expect(200)).body;
    expect(record.outputs.map((output: { name: string; path: string | null; sha256: string | null }) => [output.name, output.path, output.sha256])).toEqual([
      ['out.txt', 'a/out.txt', null],
      ['out.txt (2)', 'b/out.txt', null],
      ['escape.txt', null, null],
    ]);
    expect(record.custom.sumatra.outputs.map((entry: { name: string; sha1: string }) => [entry.name, entry.sha1])).toEqual([
      ['out.txt', '1'.repeat(40)],
      ['out.txt (2)', '2'.repeat(40)],
      ['escape.txt', '3'.repeat(40)],
    ]);
  });
});

describe('Sumatra saves of a sealed record', () => {
  it('accepts the whole-record re-saves of smt tag and smt comment, and refuses changed data or parameters and deletes with 409 record_sealed', async () => {
    const alice = await api.user('Alice');
    const bob = await api.user('Bob');
    await put(alice, 'p/r1/', sumatraRecord('r1')).expect(201);
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({ private: false }).expect(200);
    await put(bob, 'q/r1/', sumatraRecord('r1')).expect(201);
    const recordOf = async (user: TestUser) => (await api.db.models.Record.findOne({ owner: user.user._id }).lean<RecordDoc>()) as RecordDoc;
    const deps = { models: api.db.models, blobs: api.db.blobs };
    const request = await createDiffRequest(deps, { id: bob.user._id, name: 'Bob' }, {
      from: (await recordOf(bob))._id.toHexString(),
      toward: (await recordOf(alice))._id.toHexString(),
      method: 'visual',
      description: 'Same plot.',
      // Same code and the same inputs by Sumatra's sha1: the claim the table allows is "repeated".
      proposition: 'repeated',
    });
    const verdict = request._id.toHexString();
    await answerDiffRequest(deps, { id: alice.user._id, name: 'Alice' }, verdict, { answer: 'agreed' });

    // smt tag and smt comment send the whole record again, with only the tags or the outcome changed.
    await put(alice, 'p/r1/', sumatraRecord('r1', { tags: ['_finished_', 't1', 'published'] })).expect(200);
    await put(alice, 'p/r1/', sumatraRecord('r1', { tags: ['_finished_', 't1', 'published'], outcome: 'Looks right.' })).expect(200);
    expect(await get(alice, 'p/r1/').expect(200).then((res) => JSON.parse(res.text).outcome)).toBe('Looks right.');

    const output = { path: 'other.txt', digest: 'b'.repeat(40), metadata: { mimetype: 'text/plain', encoding: null, size: 9 }, creation: '2026-11-22 07:13:25+0000' };
    for (const change of [{ output_data: [output] }, { parameters: { content: 'a = 6\nb = 2', type: 'SimpleParameterSet' } }] as Array<Record<string, Json>>) {
      const refused = await put(alice, 'p/r1/', sumatraRecord('r1', change));
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'record_sealed', details: { diffRequest: verdict } });
    }
    const deleted = await del(alice, 'p/r1/');
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.code).toBe('record_sealed');
    expect((await del(alice, 'p/tag/t1/')).status).toBe(409);
    expect((await del(bob, 'q/r1/')).status).toBe(409);
    expect(await api.db.models.Record.countDocuments({ label: 'r1' })).toBe(2);
    expect(JSON.parse((await get(alice, 'p/r1/').expect(200)).text).output_data).toEqual(sumatraRecord('r1').output_data);
  });
});
