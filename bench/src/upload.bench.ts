/**
 * Upload of a large file (1 GiB; 64 MiB with BENCH_QUICK=1) through the API service: throughput,
 * growth of the API server's resident memory during the upload (target < 100 MiB), and the
 * download back, checked byte-identical by sha256. Baseline: the same file written straight into
 * GridFS by the blob store, on the same database, in the same run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { connectDatabase, createModels, ensureIndexes, GridFsBlobStore, issueToken } from '@reprise/core';
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

const benchmark: Benchmark = {
  name: 'upload',
  async run(ctx) {
    const bytes = (ctx.quick ? 64 : 1024) * MiB;
    const label = ctx.quick ? '64 MiB' : '1 GiB';
    const dir = mkdtempSync(path.join(tmpdir(), 'reprise-upload-'));
    const file = path.join(dir, 'image.tar');
    const database = await ctx.database();
    const connection = await connectDatabase(database.uri, { dbName: 'bench_upload' });
    const api = await startApiService(database.uri.replace(/\/reprise$/, '/bench_upload'));
    try {
      const digest = await makeFile(file, bytes);
      const models = createModels(connection);
      await ensureIndexes(models);
      const issued = issueToken();
      await models.User.create({ email: 'bench@example.org', name: 'Bench', tokenHash: issued.hash, tokenPrefix: issued.prefix });
      const auth = { Authorization: `Bearer ${issued.token}` };
      await fetch(`${api.url}/api/v1/project/push/big`, { method: 'POST', headers: auth });

      // Baseline: the blob store writing the same bytes directly (no HTTP, no multipart).
      const blobs = new GridFsBlobStore(connection);
      const t0 = performance.now();
      const direct = await blobs.write(createReadStream(file));
      const directSeconds = (performance.now() - t0) / 1000;
      await blobs.delete(direct.id);

      // Through the API: multipart streamed from disk, RSS of the server sampled every 50 ms.
      const rssBefore = residentBytes(api.pid);
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, residentBytes(api.pid));
      }, 50);
      const form = new FormData();
      form.set('metadata', JSON.stringify({ system: 'docker', image: { sha256: digest } }));
      form.set('image', await openAsBlob(file, { type: 'application/x-tar' }), 'image.tar');
      const t1 = performance.now();
      const pushed = await fetch(`${api.url}/api/v1/container/push/big`, { method: 'POST', headers: auth, body: form });
      const uploadSeconds = (performance.now() - t1) / 1000;
      clearInterval(sampler);
      if (pushed.status !== 201) throw new Error(`container push answered ${pushed.status}: ${await pushed.text()}`);
      await pushed.arrayBuffer();

      await fetch(`${api.url}/api/v1/record/push/big`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"label":"r"}' });
      const t2 = performance.now();
      const download = await fetch(`${api.url}/api/v1/record/pull/big/r`, { headers: auth });
      const hash = createHash('sha256');
      let received = 0;
      if (!download.ok || !download.body) throw new Error(`download answered ${download.status}: ${await download.text()}`);
      for await (const chunk of download.body) {
        hash.update(chunk);
        received += chunk.length;
      }
      const downloadSeconds = (performance.now() - t2) / 1000;
      const downloaded = hash.digest('hex');
      const identical = received === bytes && downloaded === digest;
      if (!identical) console.error(`download differs: ${received} bytes, sha256 ${downloaded}; expected ${bytes} bytes, ${digest}`);

      const mb = bytes / MiB;
      ctx.emit({ case: label, metric: 'upload throughput', value: round(mb / uploadSeconds, 1), unit: 'MiB/s', baseline: round(mb / directSeconds, 1), note: 'baseline: blob store writing the file directly into GridFS' });
      const growth = (rssPeak - rssBefore) / MiB;
      ctx.emit({ case: label, metric: 'API RSS growth during upload', value: round(growth, 1), unit: 'MiB', baseline: round(rssBefore / MiB, 1), target: '< 100 MiB', met: growth < 100, note: 'baseline: RSS before the upload' });
      ctx.emit({ case: label, metric: 'download throughput', value: round(mb / downloadSeconds, 1), unit: 'MiB/s', baseline: round(mb / directSeconds, 1), note: 'baseline: direct GridFS write' });
      ctx.emit({ case: label, metric: 'download byte-identical', value: identical ? 1 : 0, unit: 'bool', target: 'sha256 and size equal', met: identical });
    } finally {
      await api.stop();
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
