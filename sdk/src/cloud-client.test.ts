import { describe, expect, expectTypeOf, it } from 'vitest';
import { useTestDatabase } from '@reprise/tools/testing';
import { ApiClient, AuthenticationError, CloudClient, ConflictError, cookieValue, NotFoundError, PermissionError, UnprocessableError, type JsonBodyOf, type OperationAt, type Project, type RecordAtom } from './index.js';
import { CookieJar, createNodeCloudClient } from './node.js';
import { CLOUD_ORIGIN, useApiServer, useCloudServer } from './test/harness.js';

const db = useTestDatabase();
const api = useApiServer(db);
const cloud = useCloudServer(db);
const PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A new account, signed in, with an API client on its token. */
async function person(name: string) {
  counter += 1;
  const client = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN });
  const me = await client.auth.register({ email: `${name.toLowerCase()}-${counter}-${Date.now()}@example.org`, password: PASSWORD, name });
  const { token } = await client.account.renewToken();
  return { client, me, tools: new ApiClient({ url: api.url, token }) };
}

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return await new Response(body).text();
}

describe('CloudClient', () => {
  it('signs up, reads the session back, signs out and in again, keeping cookies like a browser', async () => {
    const client = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN });
    expect(await client.auth.current()).toBeNull();
    const email = `ada-${Date.now()}@example.org`;
    const me = await client.auth.register({ email, password: PASSWORD, name: 'Ada' });
    expect(me).toMatchObject({ email, name: 'Ada' });
    expect(client.jar.get('reprise_session')).toBeTruthy();
    expect((await client.auth.me()).id).toBe(me.id);
    await client.auth.logout();
    expect(client.jar.get('reprise_session')).toBeUndefined();
    await expect(client.auth.me()).rejects.toBeInstanceOf(AuthenticationError);
    const again = await client.auth.login({ email, password: PASSWORD });
    expect(again.id).toBe(me.id);
    const account = await client.account.rename('Ada King');
    expect(account).toMatchObject({ name: 'Ada King', token: null });
  });

  it('fetches a CSRF token before its first write and again when the service refuses a stale one', async () => {
    const jar = new CookieJar();
    const client = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN, jar });
    // No cookie at all yet: the client asks for one first.
    await client.auth.register({ email: `csrf-${Date.now()}@example.org`, password: PASSWORD, name: 'Csrf' });
    const issued = jar.get('reprise_csrf');
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A cookie the service does not accept: it answers csrf_failed with a new cookie, and the retry succeeds.
    jar.setCookie('reprise_csrf=stale; Path=/');
    const project = await client.projects.create({ name: 'after-stale-token' });
    expect(project.name).toBe('after-stale-token');
    expect(jar.get('reprise_csrf')).not.toBe('stale');
  });

  it('throws typed errors keyed on the service error codes', async () => {
    const { client, me } = await person('Grace');
    const stranger = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN });
    const wrong = await stranger.auth.login({ email: me.email, password: 'not the password at all' }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect(wrong).toMatchObject({ status: 401, code: 'invalid_credentials' });
    const weak = await stranger.auth.register({ email: `weak-${Date.now()}@example.org`, password: 'aaaaaaaaaaaa', name: 'Weak' }).catch((error: unknown) => error);
    expect(weak).toBeInstanceOf(UnprocessableError);
    expect(weak).toMatchObject({ code: 'weak_password' });
    await client.projects.create({ name: 'twice' });
    await expect(client.projects.create({ name: 'twice' })).rejects.toSatisfy((error) => error instanceof ConflictError && error.code === 'name_taken');
    await expect(client.projects.get('0123456789abcdef01234567')).rejects.toBeInstanceOf(NotFoundError);
    const foreign = createNodeCloudClient({ url: cloud.url, origin: 'https://evil.example' });
    const refused = await foreign.browse.projects().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermissionError);
    expect(refused).toMatchObject({ code: 'origin_refused' });
  });

  it('browses, compares two records, proposes a diff request and sees the tally once the owner agrees', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    await ada.tools.projects.push('dla', { description: 'Diffusion-limited aggregation', private: false });
    await ada.tools.containers.push('dla', { system: 'docker', version: { vcs: 'git', commit: 'abcdef1234567' } });
    await ada.tools.records.push('dla', { label: 'run-1', status: 'finished', parameters: { seed: 7 } });
    await ada.tools.files.push('dla', 'run-1', { outputs: [{ name: 'out.txt', data: new Blob(['line one\nline two\n']), mediaType: 'text/plain' }] });
    await bob.tools.projects.push('mine', { private: false });
    await bob.tools.containers.push('mine', { system: 'docker', version: { vcs: 'git', commit: 'abcdef1234567' } });
    await bob.tools.records.push('mine', { label: 'again', status: 'finished', parameters: { seed: 7 } });
    await bob.tools.files.push('mine', 'again', { outputs: [{ name: 'out.txt', data: new Blob(['line one\nline 2\n']), mediaType: 'text/plain' }] });

    const anonymous = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN });
    const found = await anonymous.browse.projects({ q: 'aggregation' });
    expect(found.data.map((project) => project.name)).toEqual(['dla']);
    const projectId = found.data[0]?.id ?? '';
    const detail = await anonymous.projects.get(projectId);
    expect(detail.containers).toHaveLength(1);
    const records = await anonymous.projects.records(projectId, { sort: 'created', order: 'asc', limit: 10 });
    const adaRecord = records.data[0];
    expect(adaRecord?.label).toBe('run-1');
    const adaId = adaRecord?.id ?? '';
    const download = await anonymous.records.file(adaId, 'out.txt');
    expect(download.filename).toBe('out.txt');
    expect(await text(download.body)).toBe('line one\nline two\n');
    const part = await anonymous.records.file(adaId, 'out.txt', { range: { start: 0, end: 3 } });
    expect(part.partial).toBe(true);
    expect(await text(part.body)).toBe('line');
    expect(anonymous.records.fileUrl(adaId, 'out.txt')).toBe(`${cloud.url}/cloud/v1/records/${adaId}/files/out.txt`);
    const badge = await fetch(anonymous.browse.badgeUrl(projectId));
    expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/);

    const bobRecord = (await bob.client.records.mine()).data[0];
    const bobId = bobRecord?.id ?? '';
    const comparison = await bob.client.records.compare(bobId, adaId);
    expect(comparison.cell).toBe('non-repeatable');
    expect(comparison.evidence.outputs.pairs[0]).toMatchObject({ name: 'out.txt', result: 'text-distance', same: false });
    expect(comparison.propositions.default).toEqual(['non-repeated']);
    const tolerant = await bob.client.records.compare(bobId, adaId, { tolerance: 10 });
    expect(tolerant.propositions.default).toEqual(['repeated']);

    const refused = await bob.client.diffs.create({ from: bobId, toward: adaId, proposition: 'repeated' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect(refused).toMatchObject({ code: 'proposition_not_allowed', details: { cell: 'non-repeatable' } });
    const request = await bob.client.diffs.create({ from: bobId, toward: adaId, proposition: 'repeated', tolerance: 10, description: 'Only a digit differs.' });
    expect(request).toMatchObject({ status: 'proposed', proposition: 'repeated', cell: 'repeatable' });
    expect((await bob.client.diffs.list({ box: 'outbox' })).data.map((item) => item.id)).toEqual([request.id]);
    const inbox = await ada.client.diffs.list({ box: 'inbox', status: 'proposed' });
    expect(inbox.data.map((item) => item.id)).toEqual([request.id]);
    expect((await ada.client.dashboard()).counts.inboxOpen).toBe(1);
    await expect(bob.client.diffs.answer(request.id, { answer: 'agreed' })).rejects.toBeInstanceOf(PermissionError);
    const agreed = await ada.client.diffs.answer(request.id, { answer: 'agreed', comment: 'Same on my machine.' });
    expect(agreed).toMatchObject({ status: 'agreed', answer: { comment: 'Same on my machine.' } });
    await expect(ada.client.diffs.answer(request.id, { answer: 'denied' })).rejects.toBeInstanceOf(ConflictError);
    const tally = await anonymous.projects.reproducibility(projectId);
    expect(tally.tally).toMatchObject({ repeated: 1, total: 1 });
    expect((await anonymous.diffs.get(request.id)).evidence).not.toBeNull();
    // Both record pages list the verdict, and a second request for the pair is refused.
    expect((await anonymous.records.diffs(adaId)).data).toMatchObject([{ id: request.id, status: 'agreed', from: { id: bobId } }]);
    expect((await bob.client.records.diffs(bobId, { status: 'agreed' })).data.map((item) => item.id)).toEqual([request.id]);
    const duplicate = await bob.client.diffs.create({ from: bobId, toward: adaId, proposition: 'repeated', tolerance: 10 }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect((duplicate as ConflictError).code).toBe('duplicate_request');
  });

  it('edits and deletes what the signed-in user owns, and only that', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const project = await ada.client.projects.create({ name: 'by-hand', description: 'Made in the dashboard', private: false });
    const record = await ada.client.projects.createRecord(project.id, { label: 'manual-1', status: 'finished' });
    expect((await ada.client.records.edit(record.id, { outcome: 'It worked.', tags: ['ok'] })).outcome).toBe('It worked.');
    const attached = await ada.client.records.attach(record.id, { outputs: [{ name: 'result.txt', path: 'out/result.txt', data: new Blob(['42\n']), mediaType: 'text/plain' }] });
    expect(attached.outputs).toEqual([expect.objectContaining({ name: 'result.txt', path: 'out/result.txt', size: 3 })]);
    await expect(bob.client.records.attach(record.id, { outputs: [{ name: 'x', data: new Blob(['x']) }] })).rejects.toBeInstanceOf(PermissionError);
    expect((await ada.client.projects.edit(project.id, { goals: 'Reach 1.71', private: true })).private).toBe(true);
    await expect(bob.client.projects.get(project.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(bob.client.records.delete(record.id)).rejects.toBeInstanceOf(NotFoundError);
    const report = await ada.client.projects.delete(project.id);
    expect(report.deleted.records).toBe(1);
    await ada.client.account.revokeToken();
    expect((await ada.client.account.get()).token).toBeNull();
  });

  it('names each endpoint by its method and path in openapi.yaml, so a path, parameter or body the contract lacks does not compile', async () => {
    const { client } = await person('Typed');
    const project = await client.call('POST', '/cloud/v1/projects', { body: { name: 'typed' } });
    expectTypeOf(project).toEqualTypeOf<Project>();
    const record = await client.call('POST', '/cloud/v1/projects/{id}/records', { path: { id: project.id }, body: { label: 'r1' } });
    expectTypeOf(record).toEqualTypeOf<RecordAtom>();
    expect(client.link('/cloud/v1/records/{id}/files/{file}', { path: { id: record.id, file: 'a b' } })).toBe(`${cloud.url}/cloud/v1/records/${record.id}/files/a%20b`);
    // Each call below is refused by the compiler (tsc -p tsconfig.test.json), and by the service or the client when run anyway.
    // @ts-expect-error: a project is edited with PATCH; openapi.yaml has no PUT
    await expect(client.call('PUT', '/cloud/v1/projects/{id}', { path: { id: project.id }, body: { description: 'put' } })).rejects.toMatchObject({ status: 404 });
    // @ts-expect-error: editing a record changes its reason, outcome or tags, never its label
    await expect(client.call('PATCH', '/cloud/v1/records/{id}', { path: { id: record.id }, body: { label: 'r2' } })).rejects.toMatchObject({ status: 400 });
    // @ts-expect-error: deleting a project needs its id
    await expect(client.call('DELETE', '/cloud/v1/projects/{id}', {})).rejects.toThrow(/"id" is missing/);
    // @ts-expect-error: attaching files takes the fields manifest, inputs and outputs
    await expect(client.upload('/cloud/v1/records/{id}/files', { path: { id: record.id } }, [{ name: 'files', value: new Blob(['x']), filename: 'x' }])).rejects.toMatchObject({ status: 400 });
    expect((await client.records.get(record.id)).label).toBe('r1');
    // A diff request's method and tolerance have defaults and are not required: the generated body type leaves them optional too.
    const proposal: JsonBodyOf<OperationAt<'POST', '/cloud/v1/diffs'>> = { from: record.id, toward: record.id, proposition: 'repeated' };
    await expect(client.call('POST', '/cloud/v1/diffs', { body: proposal })).rejects.toMatchObject({ status: 422, code: 'same_owner' });
  });
});

describe('cookieValue', () => {
  it('reads one cookie out of a document.cookie string, decoding it', () => {
    expect(cookieValue('a=1; reprise_csrf=abc%2Ddef; b=2', 'reprise_csrf')).toBe('abc-def');
    expect(cookieValue('reprise_csrf_old=1', 'reprise_csrf')).toBeUndefined();
    expect(cookieValue('', 'reprise_csrf')).toBeUndefined();
  });
});

describe('CloudClient in a browser', () => {
  it('sends relative URLs with the CSRF cookie of the page when given no origin', async () => {
    const seen: Array<{ url: string; csrf: string | null; credentials: RequestInit['credentials'] }> = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), csrf: new Headers(init?.headers).get('X-CSRF-Token'), credentials: init?.credentials });
      return new Response(JSON.stringify({ id: 'x' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    };
    const client = new CloudClient({ fetch: fakeFetch, csrfToken: () => 'token-from-cookie' });
    await client.projects.create({ name: 'p' });
    expect(seen).toEqual([{ url: '/cloud/v1/projects', csrf: 'token-from-cookie', credentials: 'same-origin' }]);
    expect(client.browse.badgeUrl('0123456789abcdef01234567')).toBe('/cloud/v1/public/projects/0123456789abcdef01234567/badge.svg');
  });
});
