import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { ApiClient, AuthenticationError, isRetryable, NetworkError, NotFoundError, UnprocessableError, type Project, type RecordAtom, type Upload } from './index.js';
import { createNodeClient, fileUpload, saveDownload, streamingFetch } from './node.js';
import { streamForm } from './multipart.js';
import { useApiServer } from './test/harness.js';

const server = useApiServer();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const scratch = mkdtempSync(path.join(tmpdir(), 'reprise-sdk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function client(options: { uploads?: 'stream' | 'form-data' } = {}) {
  const { token } = await server.user();
  return createNodeClient({ url: server.url, token, ...options });
}

describe('ApiClient', () => {
  it('pushes and pulls projects, records and search results with the types of openapi.yaml', async () => {
    const api = await client();
    const created = await api.projects.push('sim', { description: 'A simulation', tags: ['demo'], private: false });
    expect(created).toMatchObject({ name: 'sim', private: false, tags: ['demo'] });
    const record = await api.records.push('sim', { label: 'r1', status: 'started', parameters: { seed: 7, 'a.b': { $c: [[1]] } } });
    expect(record.parameters).toEqual({ seed: 7, 'a.b': { $c: [[1]] } });
    const updated = await api.records.update('sim', 'r1', { status: 'finished', duration: 1.5, outcome: 'converged' });
    expect(updated.statusHistory.map((change) => change.status)).toEqual(['started', 'finished']);
    expect(await api.records.display('sim', 'r1')).toEqual(updated);
    for (const label of ['r2', 'r3']) await api.records.push('sim', { label });
    const page = await api.records.list('sim', { limit: 2 });
    expect(page.data.map((item) => item.label)).toEqual(['r3', 'r2']);
    const all = [];
    for await (const item of api.records.iterate('sim', { limit: 1 })) all.push(item.label);
    expect(all).toEqual(['r3', 'r2', 'r1']);
    expect((await api.search.projects({ q: 'simulation' })).data.map((project) => project.name)).toEqual(['sim']);
    expect((await api.search.records({ q: 'converged' })).data.map((item) => item.label)).toEqual(['r1']);
    const detail = await api.projects.pull('sim');
    expect(detail.counts.records).toBe(3);
  });

  it('throws typed errors carrying the API error code', async () => {
    const api = await client();
    await expect(api.records.display('nope', 'r1')).rejects.toSatisfy((error) => error instanceof NotFoundError && error.code === 'not_found' && error.status === 404);
    await api.projects.push('sim');
    await api.records.push('sim', { label: 'r1', status: 'finished' });
    const backwards = await api.records.update('sim', 'r1', { status: 'running' }).catch((error: unknown) => error);
    expect(backwards).toBeInstanceOf(UnprocessableError);
    expect(backwards).toMatchObject({ code: 'invalid_status_transition', details: { from: 'finished', to: 'running' } });
    expect(isRetryable(backwards)).toBe(false);
    const stranger = new ApiClient({ url: server.url, token: 'rpr_wrong' });
    await expect(stranger.projects.pull('sim')).rejects.toBeInstanceOf(AuthenticationError);
    const away = new ApiClient({ url: 'http://127.0.0.1:9', token: 'rpr_x' });
    const unreachable = await away.projects.pull('sim').catch((error: unknown) => error);
    expect(unreachable).toBeInstanceOf(NetworkError);
    expect(isRetryable(unreachable)).toBe(true);
    expect((unreachable as Error).message).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9/);
  });

  it('sends an Idempotency-Key so that a retried push takes effect once', async () => {
    const api = await client();
    await api.projects.push('sim');
    const first = await api.records.push('sim', { label: 'once' }, { idempotencyKey: 'key-1' });
    const again = await api.records.push('sim', { label: 'once' }, { idempotencyKey: 'key-1' });
    expect(again).toEqual(first);
    const reused = await api.records.push('sim', { label: 'other' }, { idempotencyKey: 'key-1' }).catch((error: unknown) => error);
    expect(reused).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('names each endpoint by its method and path in openapi.yaml, so a path, parameter or body the contract lacks does not compile', async () => {
    const api = await client();
    const project = await api.call('POST', '/api/v1/{token}/project/push/{project}', { path: { project: 'typed' }, body: { description: 'typed' }, idempotencyKey: 'typed-1' });
    expectTypeOf(project).toEqualTypeOf<Project>();
    expect(project).toMatchObject({ name: 'typed', description: 'typed' });
    const record = await api.call('POST', '/api/v1/{token}/record/push/{project}', { path: { project: 'typed' }, body: { label: 'r1' } });
    expectTypeOf(record).toEqualTypeOf<RecordAtom>();
    // Each call below is refused by the compiler (tsc -p tsconfig.test.json), and by the server or the client when run anyway.
    // @ts-expect-error: openapi.yaml has no such path
    await expect(api.call('POST', '/api/v1/{token}/project/shove/{project}', { path: { project: 'typed' } })).rejects.toMatchObject({ status: 404 });
    // @ts-expect-error: record/display/{project} is read with GET, not POST
    await expect(api.call('POST', '/api/v1/{token}/record/display/{project}', { path: { project: 'typed' } })).rejects.toMatchObject({ status: 404 });
    // @ts-expect-error: a project's description is a string
    await expect(api.call('POST', '/api/v1/{token}/project/push/{project}', { path: { project: 'typed' }, body: { description: 7 } })).rejects.toMatchObject({ status: 400 });
    // @ts-expect-error: record/display/{project}/{record} needs the record
    await expect(api.call('GET', '/api/v1/{token}/record/display/{project}/{record}', { path: { project: 'typed' } })).rejects.toThrow(/"record" is missing/);
    // @ts-expect-error: only writes take an Idempotency-Key (openapi.yaml declares the header on them)
    expect(await api.call('GET', '/api/v1/{token}/project/pull/{project}', { path: { project: 'typed' }, idempotencyKey: 'typed-2' })).toMatchObject({ name: 'typed' });
    // @ts-expect-error: file/push takes the fields manifest, inputs and outputs
    await expect(api.upload('/api/v1/{token}/file/push/{project}/{record}', { path: { project: 'typed', record: 'r1' } }, [{ name: 'files', value: new Blob(['x']), filename: 'x' }], {})).rejects.toMatchObject({ status: 400 });
  });

  for (const uploads of ['stream', 'form-data'] as const) {
    it(`uploads files from disk (${uploads}) and downloads them byte-identical, checked against their sha256`, async () => {
      const api = await client({ uploads });
      await api.projects.push('sim');
      await api.records.push('sim', { label: 'r1' });
      const data = randomBytes(700_000);
      writeFileSync(path.join(scratch, `${uploads}.bin`), data);
      writeFileSync(path.join(scratch, 'params.json'), '{"seed": 1}');
      const progress: number[] = [];
      const record = await api.files.push(
        'sim',
        'r1',
        {
          inputs: [await fileUpload(path.join(scratch, 'params.json'))],
          outputs: [await fileUpload(path.join(scratch, `${uploads}.bin`), { name: 'data.bin', path: 'out/data.bin', sha256: sha256(data) })],
        },
        { onProgress: (sent) => progress.push(sent) },
      );
      expect(record.outputs).toEqual([{ name: 'data.bin', path: 'out/data.bin', sha256: sha256(data), size: data.length, mediaType: 'application/octet-stream', file: expect.any(String) }]);
      expect(record.inputs?.[0]).toMatchObject({ name: 'params.json', mediaType: 'application/json' });
      if (uploads === 'stream') {
        expect(progress.length).toBeGreaterThan(2);
        expect(progress.at(-1)).toBeGreaterThan(data.length);
      }
      const download = await api.files.pull('sim', 'r1', 'data.bin');
      expect(download).toMatchObject({ size: data.length, sha256: sha256(data), filename: 'data.bin', partial: false });
      const target = path.join(scratch, `${uploads}-back.bin`);
      await saveDownload(download, target);
      expect(readFileSync(target).equals(data)).toBe(true);
      const range = await api.files.pull('sim', 'r1', 'data.bin', { range: { start: 10, end: 19 } });
      expect(range.partial).toBe(true);
      expect(Buffer.from(await new Response(range.body).arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);
    });
  }

  it('refuses an upload whose bytes do not match the declared digest, keeping nothing', async () => {
    const api = await client();
    await api.projects.push('sim');
    await api.records.push('sim', { label: 'r1' });
    const upload: Upload = { name: 'o.txt', data: new Blob(['actual bytes']), sha256: sha256('other bytes') };
    await expect(api.files.push('sim', 'r1', { outputs: [upload] })).rejects.toMatchObject({ status: 422, code: 'digest_mismatch' });
    expect((await api.records.display('sim', 'r1')).outputs).toEqual([]);
  });

  it('pushes a container with its image and pulls the image of a record back byte-identical', async () => {
    const api = await client();
    await api.projects.push('sim');
    const image = randomBytes(1_500_000);
    writeFileSync(path.join(scratch, 'image.tar'), image);
    const container = await api.containers.push('sim', { system: 'docker', version: { commit: 'abc' } }, { image: await fileUpload(path.join(scratch, 'image.tar'), { sha256: sha256(image) }) });
    expect(container.image).toMatchObject({ sha256: sha256(image), size: image.length, name: 'image.tar' });
    await api.records.push('sim', { label: 'r1' });
    const download = await api.records.pull('sim');
    expect(download.sha256).toBe(sha256(image));
    await saveDownload(download, path.join(scratch, 'image-back.tar'));
    expect(readFileSync(path.join(scratch, 'image-back.tar')).equals(image)).toBe(true);
  });
});

describe('streamed uploads', () => {
  it('send a file of 128 MiB from disk in flat memory', async () => {
    const file = path.join(scratch, 'large.bin');
    const fd = openSync(file, 'w');
    const block = randomBytes(1024 * 1024);
    for (let i = 0; i < 128; i += 1) writeSync(fd, block);
    closeSync(fd);
    let received = 0;
    const sink = http.createServer((req, res) => {
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const form = streamForm([{ name: 'image', value: (await fileUpload(file)).data, filename: 'large.bin' }]);
      const response = await streamingFetch(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/`, {
        method: 'POST',
        body: form.body,
        headers: { 'Content-Type': form.contentType, 'Content-Length': String(form.length) },
      });
      expect(response.status).toBe(200);
      expect(received).toBe(form.length);
    } finally {
      clearInterval(sampler);
      sink.close();
      rmSync(file, { force: true });
    }
    // Node's own fetch holds the whole body here (+250 MiB and more); node:http stays within a few chunks.
    expect((peak - before) / 2 ** 20).toBeLessThan(64);
  });
});

describe('browser entry', () => {
  it('imports no Node module, directly or through its own imports', async () => {
    const src = path.dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const visit = async (file: string): Promise<string[]> => {
      if (seen.has(file)) return [];
      seen.add(file);
      const text = await readFile(file, 'utf8');
      const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1] ?? '');
      const problems = specifiers.filter((specifier) => specifier.startsWith('node:') || (!specifier.startsWith('.') && !specifier.startsWith('@reprise/contract')));
      const local = specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      return [...problems.map((problem) => `${path.relative(src, file)}: ${problem}`), ...(await Promise.all(local.map(visit))).flat()];
    };
    expect(await visit(path.join(src, 'index.ts'))).toEqual([]);
    expect([...seen].map((file) => path.relative(src, file)).sort()).toEqual(['api-client.ts', 'cloud-client.ts', 'errors.ts', 'format.ts', 'index.ts', 'links-cloud.ts', 'multipart.ts', 'transport.ts', 'types.ts']);
    // Type-only imports of the contract vanish from the JavaScript.
    const built = path.join(src, '..', 'dist');
    const names = await readdir(built).catch(() => []);
    for (const name of names.filter((item) => ['index.js', 'api-client.js', 'cloud-client.js', 'links-cloud.js', 'transport.js', 'errors.js', 'format.js', 'multipart.js', 'types.js'].includes(item))) {
      expect(await readFile(path.join(built, name), 'utf8'), name).not.toMatch(/from '(node:|@reprise\/contract)/);
    }
  });
});
