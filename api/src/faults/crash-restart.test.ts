import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepUnreferenced } from '@reprise/core';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';

const db = useTestDatabase();
const started: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The parameters a record of this label was pushed with: checked whole after the crash. */
function paramsOf(label: string) {
  return { label, padding: 'p'.repeat(4000), list: Array.from({ length: 50 }, (_, i) => `${label}-${i}`) };
}

describe('the API service killed mid-request and restarted', () => {
  it('shows no half-written record, container or file afterwards, and a sweep leaves no orphan storage', async () => {
    const alice = await makeUser(db.models);
    const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
    // The push limit is not under test here: a fast machine pushes past its default within the minute.
    const first = await startServiceProcess('api', { mongodbUri, env: { PUSH_RATE_LIMIT: '0' } });
    started.push(first);
    const auth = { Authorization: `Bearer ${alice.token}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    expect((await fetch(`${first.url}/api/v1/project/push/crash`, { method: 'POST', headers: json, body: '{}' })).status).toBe(201);

    // Four kinds of writes at once: record pushes, record updates, container pushes with an image, file uploads.
    let running = true;
    const images = new Map<string, string>();
    const worker = async (kind: number) => {
      for (let n = 0; running; n += 1) {
        const label = `k${kind}-${n}`;
        try {
          if (kind === 0 || kind === 1) {
            await fetch(`${first.url}/api/v1/record/push/crash`, {
              method: 'POST',
              headers: json,
              body: JSON.stringify({ label, status: 'started', parameters: paramsOf(label), tags: [label], reason: `reason of ${label}` }),
            });
            if (kind === 1) {
              await fetch(`${first.url}/api/v1/record/push/crash/${label}`, {
                method: 'POST',
                headers: json,
                body: JSON.stringify({ status: 'finished', outcome: `outcome of ${label}`, outputs: [{ name: 'out.txt' }] }),
              });
            }
          } else if (kind === 2) {
            const bytes = randomBytes(256 * 1024);
            images.set(sha256(bytes), label);
            const form = new FormData();
            form.set('metadata', JSON.stringify({ system: 'docker', version: { tag: label } }));
            form.set('image', new Blob([bytes]), `${label}.tar`);
            await fetch(`${first.url}/api/v1/container/push/crash`, { method: 'POST', headers: auth, body: form });
          } else {
            const target = `k0-${Math.max(0, n - 1)}`;
            const form = new FormData();
            form.set('outputs', new Blob([randomBytes(128 * 1024)]), `${label}.bin`);
            await fetch(`${first.url}/api/v1/file/push/crash/${target}`, { method: 'POST', headers: auth, body: form });
          }
        } catch {
          return; // the service is gone
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await sleep(1500);
    first.kill('SIGKILL');
    await first.exited;
    running = false;
    await Promise.all(workers);

    const second = await startServiceProcess('api', { mongodbUri, env: { PUSH_RATE_LIMIT: '0' } });
    started.push(second);

    // Every record the restarted service shows is whole: what its push sent, nothing missing.
    const labels: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages < 100; pages += 1) {
      const page = (await (await fetch(`${second.url}/api/v1/record/display/crash?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as {
        data: Array<{ label: string }>;
        page: { next: string | null };
      };
      labels.push(...page.data.map((record) => record.label));
      cursor = page.page.next;
      if (!cursor) break;
    }
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      const record = (await (await fetch(`${second.url}/api/v1/record/display/crash/${label}`, { headers: auth })).json()) as {
        parameters: unknown;
        tags: string[];
        reason: string;
        status: string;
        outcome: string;
        outputs: Array<{ name: string; file: string | null; sha256: string | null; size: number | null }>;
      };
      expect(record.parameters).toEqual(paramsOf(label));
      expect(record.tags).toEqual([label]);
      expect(record.reason).toBe(`reason of ${label}`);
      // An update is all or nothing: finished comes with its outcome and its declared output.
      if (record.status === 'finished') expect(record.outcome).toBe(`outcome of ${label}`);
      else expect(record.outcome).toBe('');
      // Every attached file can be downloaded whole.
      for (const output of record.outputs.filter((o) => o.file !== null)) {
        const download = await fetch(`${second.url}/api/v1/file/pull/crash/${label}/${encodeURIComponent(output.name)}`, { headers: auth });
        expect(download.status).toBe(200);
        const bytes = Buffer.from(await download.arrayBuffer());
        expect(bytes.length).toBe(output.size);
        expect(sha256(bytes)).toBe(output.sha256);
      }
    }

    // Every container in the history is whole, its image downloadable; the rest is invisible.
    const pulled = (await (await fetch(`${second.url}/api/v1/project/pull/crash`, { headers: auth })).json()) as {
      containers: Array<{ id: string; image: { sha256: string; size: number } | null }>;
      history: string[];
    };
    expect(pulled.containers.map((c) => c.id)).toEqual(pulled.history);
    for (const container of pulled.containers) {
      expect(container.image && images.has(container.image.sha256)).toBe(true);
    }
    const inDb = await db.models.Container.countDocuments();
    expect(inDb).toBeGreaterThanOrEqual(pulled.history.length);

    // What the kill cut off is only storage nobody refers to, and the sweep takes it all.
    const report = await sweepUnreferenced({ models: db.models, blobs: db.blobs }, { graceMs: 0 });
    expect(report.orphanContainers).toBe(inDb - pulled.history.length);
    const blobs = db.connection.db?.collection('blobs.files');
    const fileBlobs = new Set((await db.models.File.find({}, { blob: 1 }).lean()).map((file) => file.blob.toHexString()));
    const storedBlobs = ((await blobs?.find({}, { projection: { _id: 1 } }).toArray()) ?? []).map((blob) => String(blob._id));
    expect(storedBlobs.filter((id) => !fileBlobs.has(id))).toEqual([]);
    expect(await db.models.Container.countDocuments()).toBe(pulled.history.length);
    const chunksWithoutFile = await db.connection.db
      ?.collection('blobs.chunks')
      .countDocuments({ files_id: { $nin: ((await blobs?.find({}, { projection: { _id: 1 } }).toArray()) ?? []).map((blob) => blob._id) } });
    expect(chunksWithoutFile).toBe(0);
  }, 120_000);
});
