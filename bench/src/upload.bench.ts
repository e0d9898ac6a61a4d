/**
 * Upload of a large file (1 GiB; 64 MiB with BENCH_QUICK=1) through the API service: throughput,
 * growth of the API server's resident memory during the upload (target < 100 MiB), and the
 * download back, checked byte-identical by sha256. Baseline: the same file written straight into
 * GridFS by the blob store, on the same database, in the same run.
 */
import { createReadStream, openAsBlob } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { GridFsBlobStore } from '@reprise/core';
import { measureGet, MiB, withLargeFile } from './large-file.js';
import { round, type Benchmark } from './lib.js';
import { residentBytes } from './services.js';

const benchmark: Benchmark = {
  name: 'upload',
  async run(ctx) {
    const bytes = (ctx.quick ? 64 : 1024) * MiB;
    const label = ctx.quick ? '64 MiB' : '1 GiB';
    await withLargeFile(ctx, 'upload', 'image.tar', bytes, async ({ file, digest, connection, api, auth }) => {
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
      const download = await measureGet(`${api.url}/api/v1/record/pull/big/r`, auth, api.pid);
      const identical = download.bytes === bytes && download.sha256 === digest;
      if (!identical) console.error(`download differs: ${download.bytes} bytes, sha256 ${download.sha256}; expected ${bytes} bytes, ${digest}`);

      const mb = bytes / MiB;
      ctx.emit({ case: label, metric: 'upload throughput', value: round(mb / uploadSeconds, 1), unit: 'MiB/s', baseline: round(mb / directSeconds, 1), note: 'baseline: blob store writing the file directly into GridFS' });
      const growth = (rssPeak - rssBefore) / MiB;
      ctx.emit({ case: label, metric: 'API RSS growth during upload', value: round(growth, 1), unit: 'MiB', baseline: round(rssBefore / MiB, 1), target: '< 100 MiB', met: growth < 100, note: 'baseline: RSS before the upload' });
      ctx.emit({ case: label, metric: 'download throughput', value: round(mb / download.seconds, 1), unit: 'MiB/s', baseline: round(mb / directSeconds, 1), note: 'baseline: direct GridFS write' });
      ctx.emit({ case: label, metric: 'download byte-identical', value: identical ? 1 : 0, unit: 'bool', target: 'sha256 and size equal', met: identical });
    });
  },
};

export default benchmark;
