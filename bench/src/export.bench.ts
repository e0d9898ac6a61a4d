/**
 * Export of a record holding a large output (1 GiB; 64 MiB with BENCH_QUICK=1) as an RO-Crate
 * zip through the API service: throughput, and growth of the API server's resident memory while
 * the crate streams (target < 100 MiB: the zip is written as the blob is read, never held).
 * Baseline: the plain download of the same file (file/pull) from the same server, in the same run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectDatabase, createModels, ensureIndexes, issueToken } from '@reprise/core';
import { round, type Benchmark } from './lib.js';
import { residentBytes, startApiService } from './services.js';

const MiB = 1024 * 1024;

async function makeFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += MiB) {
    const block = randomBytes(Math.min(MiB, bytes - written));
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** Streams a GET to nowhere, sampling the server's RSS: seconds, bytes received and the RSS growth at its peak. */
async function measure(url: string, headers: Record<string, string>, pid: number): Promise<{ seconds: number; bytes: number; growthMiB: number; sha256: string }> {
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 50);
  try {
    const started = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of response.body) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, bytes, growthMiB: (peak - before) / MiB, sha256: hash.digest('hex') };
  } finally {
    // Also when the GET fails: the sampler must not outlive the service it reads.
    clearInterval(sampler);
  }
}

const benchmark: Benchmark = {
  name: 'export',
  async run(ctx) {
    const bytes = (ctx.quick ? 64 : 1024) * MiB;
    const label = ctx.quick ? '64 MiB output' : '1 GiB output';
    const dir = mkdtempSync(path.join(tmpdir(), 'reprise-export-'));
    const file = path.join(dir, 'field.bin');
    const database = await ctx.database();
    const connection = await connectDatabase(database.uri, { dbName: 'bench_export' });
    const api = await startApiService(database.uri.replace(/\/reprise$/, '/bench_export'));
    try {
      const digest = await makeFile(file, bytes);
      const models = createModels(connection);
      await ensureIndexes(models);
      const issued = issueToken();
      await models.User.create({ email: 'bench@example.org', name: 'Bench', tokenHash: issued.hash, tokenPrefix: issued.prefix });
      const auth = { Authorization: `Bearer ${issued.token}` };
      await fetch(`${api.url}/api/v1/project/push/big`, { method: 'POST', headers: auth });
      await fetch(`${api.url}/api/v1/record/push/big`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"label":"r","status":"finished"}' });
      const form = new FormData();
      form.set('outputs', await openAsBlob(file, { type: 'application/octet-stream' }), 'field.bin');
      const pushed = await fetch(`${api.url}/api/v1/file/push/big/r`, { method: 'POST', headers: auth, body: form });
      if (pushed.status !== 200) throw new Error(`file push answered ${pushed.status}: ${await pushed.text()}`);
      await pushed.arrayBuffer();

      const plain = await measure(`${api.url}/api/v1/file/pull/big/r/field.bin`, auth, api.pid);
      if (plain.sha256 !== digest) throw new Error('the plain download differs from the file');
      const crate = await measure(`${api.url}/api/v1/record/export/big/r`, auth, api.pid);
      // The crate stores the file uncompressed: it is the file plus the metadata and the zip's headers.
      const complete = crate.bytes > bytes && crate.bytes < bytes + MiB;

      const mb = bytes / MiB;
      ctx.emit({ case: label, metric: 'RO-Crate export throughput', value: round(mb / crate.seconds, 1), unit: 'MiB/s', baseline: round(mb / plain.seconds, 1), note: 'baseline: plain download of the same file (file/pull)' });
      ctx.emit({ case: label, metric: 'API RSS growth during export', value: round(crate.growthMiB, 1), unit: 'MiB', baseline: round(plain.growthMiB, 1), target: '< 100 MiB', met: crate.growthMiB < 100, note: 'baseline: RSS growth during the plain download' });
      ctx.emit({ case: label, metric: 'crate holds the whole file', value: complete ? 1 : 0, unit: 'bool', target: 'file size < crate size < file size + 1 MiB', met: complete });
    } catch (error) {
      // What the service said is the first thing to read when a transfer fails.
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nAPI service output:\n${api.output()}`, { cause: error });
    } finally {
      await api.stop();
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
