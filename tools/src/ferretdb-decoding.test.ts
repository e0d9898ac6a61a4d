import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePatchedBuild, startDatabase, type Database } from './db.js';

const { MongoClient, BSON } = mongoose.mongo;

// The embedded engine decodes every stored document with a one-pass decoder of the patches
// (tools/ferretdb/patches/0002-decoding-speed.patch) instead of FerretDB's own, which it falls
// back to for anything it does not handle, and skips the fields an exclusion projection drops
// (0003). Its Go tests compare the two decoders on generated and damaged documents, with and
// without skipped fields; here the engine is checked end to end: what a client writes, it reads back.

type PatchedSource = 'ferretdb-source' | 'wire-source';
type GoTestRun = { source: PatchedSource; args: string[] };
type GoTestResult = { output: string; status: number | null };

/** The patched sources the launcher prepares, made once for every Go test of this file and removed after them. */
let patchedRoot: { dir: string; env: NodeJS.ProcessEnv } | undefined;

function patchedSources(): { dir: string; env: NodeJS.ProcessEnv } {
  if (!patchedRoot) {
    const dir = mkdtempSync(path.join(tmpdir(), 'reprise-ferretdb-source-'));
    const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
    try {
      preparePatchedBuild(dir, env);
    } catch (error) {
      // Not kept: the next Go test prepares them again and fails with the same cause, not in a half-made tree.
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    patchedRoot = { dir, env };
  }
  return patchedRoot;
}

afterAll(() => {
  if (patchedRoot) rmSync(patchedRoot.dir, { recursive: true, force: true });
});

/**
 * Runs `go test` with each run's arguments in one of the patched sources the launcher prepares:
 * FerretDB's (`ferretdb-source`) or its wire library's (`wire-source`). Returns each run's output
 * and exit status, in order.
 */
function goTestPatched<const Runs extends readonly GoTestRun[]>(runs: Runs): { [K in keyof Runs]: GoTestResult } {
  const { dir, env } = patchedSources();
  return runs.map(({ source, args }) => {
    const cwd = path.join(dir, 'build', source);
    // FerretDB's test helpers locate the root of its source by its .git directory.
    spawnSync('git', ['init', '-q'], { cwd, env });
    const result = spawnSync('go', ['test', '-count=1', ...args], { cwd, env, encoding: 'utf8' });
    return { output: result.stdout + result.stderr, status: result.status };
  }) as { [K in keyof Runs]: GoTestResult };
}

describe("the embedded engine's one-pass document decoder", () => {
  it("agrees with FerretDB's own decoder on generated and damaged documents (its Go tests)", () => {
    const [result, wire] = goTestPatched([
      { source: 'ferretdb-source', args: ['-run', 'TestFast|TestMarshalUnmarshal|TestUnmarshalInvalid|TestUnmarshalExcluding', './internal/handler/sjson/'] },
      // The wire library's patch: replies are not decoded again, requests still are.
      { source: 'wire-source', args: ['.'] },
    ]);
    expect(result.output).toMatch(/^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/handler\/sjson/m);
    expect(result.status).toBe(0);
    expect(wire.output).toMatch(/^ok\s+github\.com\/FerretDB\/wire\s/m);
    expect(wire.status).toBe(0);
  }, 600_000);
});

// 0007 parses the `ferretdb` tags of each command's parameter struct once per type, where
// FerretDB split every field's tag again for every key of every command.
describe("the embedded engine's command parameters", () => {
  it('are read from each command as FerretDB reads them, with the tags parsed once (its Go tests)', () => {
    const [result] = goTestPatched([{ source: 'ferretdb-source', args: ['./internal/handler/handlerparams/'] }]);
    expect(result.output).toMatch(/^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/handler\/handlerparams/m);
    expect(result.status).toBe(0);
  }, 600_000);
});

let server: Database;
let client: InstanceType<typeof MongoClient>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-decoding-'));
  server = await startDatabase({ dataDir, prefer: 'ferretdb' });
  client = new MongoClient(server.uri);
  await client.connect();
}, 300_000);

afterAll(async () => {
  await client?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// Every kind of value FerretDB 1.24 stores, with the edges of each: the largest integers,
// strings JSON must escape or that are not ASCII, empty and nested containers (no arrays directly
// in arrays: FerretDB 1.24 refuses those). Not -0: FerretDB 1.24 stores it as 0, with or without
// the patches.
const scalar = fc.oneof(
  fc.constantFrom(0, 1.5, -2.5e-7, 1e300, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2).map((n) => new BSON.Double(n)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'quote"d', 'back\\slash', 'new\nline', 'tab\t', '\u0000nul', 'ünïcödé', '😀', '</script>', '\u2028'),
  fc.uint8Array({ maxLength: 16 }).map((bytes) => new BSON.Binary(bytes, 0)),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => new BSON.Binary(bytes, 0x80)),
  fc.uint8Array({ minLength: 12, maxLength: 12 }).map((bytes) => new BSON.ObjectId(bytes)),
  fc.boolean(),
  fc.integer({ min: -(2 ** 44), max: 2 ** 44 }).map((ms) => new Date(ms)),
  fc.constant(null),
  fc.constantFrom(new BSON.BSONRegExp('^a.c$', 'i'), new BSON.BSONRegExp('x"y\\d', ''), new BSON.BSONRegExp('ü', 'ms')),
  fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31)).map((n) => new BSON.Int32(n)),
  fc.constantFrom(1n, 2n ** 32n + 5n, 2n ** 63n - 1n).map((t) => new BSON.Timestamp(t)),
  fc.constantFrom(0n, -1n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n)).map((n) => BSON.Long.fromBigInt(n)),
);
const key = fc.constantFrom('a', 'b', 'label', 'ключ', 'sp ace', 'emoji😀', 'n1');
const nestedKey = fc.constantFrom('a', 'b', 'x', 'q"uote', 'back\\slash', 'ü');
const { value } = fc.letrec<{ value: unknown; nested: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(fc.oneof(scalar, tie('nested')), { maxLength: 4 }), tie('nested')),
  nested: fc.dictionary(nestedKey, tie('value'), { maxKeys: 4 }),
}));
const document = fc.dictionary(key, value, { maxKeys: 6 });

/** A document as the driver reads it back, in canonical Extended JSON (types and key order kept). */
const canonical = (doc: unknown) => BSON.EJSON.stringify(BSON.deserialize(BSON.serialize(doc as Record<string, unknown>), { promoteValues: false, bsonRegExp: true }), { relaxed: false });

describe('documents stored in the embedded engine', () => {
  it('read back exactly as they were written, value kinds and key order included', async () => {
    const collection = client.db('decoding').collection<{ _id: number }>('roundtrip');
    await fc.assert(
      fc.asyncProperty(fc.array(document, { minLength: 1, maxLength: 8 }), async (docs) => {
        await collection.deleteMany({});
        const written = docs.map((doc, i) => ({ _id: i, ...doc }));
        await collection.insertMany(written);
        const read = await collection.find({}, { promoteValues: false, bsonRegExp: true }).sort({ _id: 1 }).toArray();
        expect(read.map(canonical)).toEqual(written.map(canonical));
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
