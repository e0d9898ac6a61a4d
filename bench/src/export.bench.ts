/**
 * Export of a record holding a large output (1 GiB; 64 MiB with BENCH_QUICK=1) as an RO-Crate
 * zip through the API service: throughput, and growth of the API server's resident memory while
 * the crate streams (target < 100 MiB: the zip is written as the blob is read, never held).
 * Baseline: the plain download of the same file (file/pull) from the same server, in the same run.
 */
import { openAsBlob } from 'node:fs';
import { measureGet, MiB, withLargeFile } from './large-file.js';
import { round, type Benchmark } from './lib.js';

const benchmark: Benchmark = {
  name: 'export',
  async run(ctx) {
    const bytes = (ctx.quick ? 64 : 1024) * MiB;
    const label = ctx.quick ? '64 MiB output' : '1 GiB output';
    await withLargeFile(ctx, 'export', 'field.bin', bytes, async ({ file, digest, api, auth }) => {
      await fetch(`${api.url}/api/v1/record/push/big`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"label":"r","status":"finished"}' });
      const form = new FormData();
      form.set('outputs', await openAsBlob(file, { type: 'application/octet-stream' }), 'field.bin');
      const pushed = await fetch(`${api.url}/api/v1/file/push/big/r`, { method: 'POST', headers: auth, body: form });
      if (pushed.status !== 200) throw new Error(`file push answered ${pushed.status}: ${await pushed.text()}`);
      await pushed.arrayBuffer();

      const plain = await measureGet(`${api.url}/api/v1/file/pull/big/r/field.bin`, auth, api.pid);
      if (plain.sha256 !== digest) throw new Error('the plain download differs from the file');
      const crate = await measureGet(`${api.url}/api/v1/record/export/big/r`, auth, api.pid);
      // The crate stores the file uncompressed: it is the file plus the metadata and the zip's headers.
      const complete = crate.bytes > bytes && crate.bytes < bytes + MiB;

      const mb = bytes / MiB;
      ctx.emit({ case: label, metric: 'RO-Crate export throughput', value: round(mb / crate.seconds, 1), unit: 'MiB/s', baseline: round(mb / plain.seconds, 1), note: 'baseline: plain download of the same file (file/pull)' });
      ctx.emit({ case: label, metric: 'API RSS growth during export', value: round(crate.growthMiB, 1), unit: 'MiB', baseline: round(plain.growthMiB, 1), target: '< 100 MiB', met: crate.growthMiB < 100, note: 'baseline: RSS growth during the plain download' });
      ctx.emit({ case: label, metric: 'crate holds the whole file', value: complete ? 1 : 0, unit: 'bool', target: 'file size < crate size < file size + 1 MiB', met: complete });
    });
  },
};

export default benchmark;
