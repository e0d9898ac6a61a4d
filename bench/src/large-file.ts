import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import { connectDatabase, createModels, ensureIndexes, issueToken } from '@reprise/core';
import type { ServiceProcess } from '@reprise/tools';
import type { BenchContext } from './lib.js';
import { residentBytes, startApiService } from './services.js';

/** One mebibyte. */
export const MiB = 1024 * 1024;

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

/** What a large-file bench works with. */
export interface LargeFileSetup {
  /** The file of random bytes, and its sha256. */
  file: string;
  digest: string;
  /** The bench's own database, and the built API service on it. */
  connection: Connection;
  api: ServiceProcess;
  /** The Authorization header of a user who owns the project "big". */
  auth: { Authorization: string };
}

/**
 * Runs `body` with a file of `bytes` random bytes named `fileName`, the built API service on a
 * database of the bench's own (`bench_<name>`) and a user owning the project "big"; afterwards
 * stops the service and removes the file.
 */
export async function withLargeFile(ctx: BenchContext, name: string, fileName: string, bytes: number, body: (setup: LargeFileSetup) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `reprise-${name}-`));
  const file = path.join(dir, fileName);
  const database = await ctx.database();
  const connection = await connectDatabase(database.uri, { dbName: `bench_${name}` });
  const api = await startApiService(database.uri.replace(/\/reprise$/, `/bench_${name}`));
  try {
    const digest = await makeFile(file, bytes);
    const models = createModels(connection);
    await ensureIndexes(models);
    const issued = issueToken();
    await models.User.create({ email: 'bench@example.org', name: 'Bench', tokenHash: issued.hash, tokenPrefix: issued.prefix });
    const auth = { Authorization: `Bearer ${issued.token}` };
    await fetch(`${api.url}/api/v1/project/push/big`, { method: 'POST', headers: auth });
    await body({ file, digest, connection, api, auth });
  } catch (error) {
    // What the service said is the first thing to read when a transfer fails.
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nAPI service output:\n${api.output()}`, { cause: error });
  } finally {
    await api.stop();
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams a GET to nowhere, sampling the server's RSS: seconds, bytes received and the RSS growth at its peak. */
export async function measureGet(url: string, headers: Record<string, string>, pid: number): Promise<{ seconds: number; bytes: number; growthMiB: number; sha256: string }> {
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
