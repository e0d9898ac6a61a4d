/**
 * A reproducible data set for the read and soak benchmarks: users with API tokens, projects
 * (half of them public) with a container history, and records like tools push them. Everything,
 * ids included, comes from one seeded PRNG, so two runs with the same shape produce the same
 * documents. Seeding writes through the models with insertMany in large batches: it prepares the
 * data, it is not the measured path.
 */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { encodeFreeform, hashToken, pathValuesOf, tokenPrefix, type Models } from '@reprise/core';

/** How big a data set to make. */
export interface SeedShape {
  users: number;
  projectsPerUser: number;
  recordsPerProject: number;
  /** The PRNG seed: the same shape and seed make the same documents. */
  seed: number;
}

/** The full data set of the issue: 1,000,000 records across 10,000 projects. */
export const FULL_SHAPE: SeedShape = { users: 1000, projectsPerUser: 10, recordsPerProject: 100, seed: 20150706 };
/** A small data set for BENCH_QUICK=1 runs. */
export const QUICK_SHAPE: SeedShape = { users: 100, projectsPerUser: 10, recordsPerProject: 10, seed: 20150706 };

/** What a benchmark needs to know about the seeded data to query it. */
export interface SeededUser {
  id: Types.ObjectId;
  token: string;
  /** Names of the user's projects, and which of them are public. */
  projects: Array<{ id: Types.ObjectId; name: string; private: boolean }>;
}

/** A deterministic PRNG (sfc32) with the helpers the generator needs. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i += 1) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  /** `count` distinct elements of a list. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }

  /** `bytes` pseudo-random bytes as hex. */
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 1) out += Math.floor(this.next() * 256).toString(16).padStart(2, '0');
    return out;
  }

  /** An ObjectId whose timestamp is `at` and whose other bytes come from this PRNG. */
  objectId(at: Date): Types.ObjectId {
    const seconds = Math.floor(at.getTime() / 1000).toString(16).padStart(8, '0');
    return new Types.ObjectId(seconds + this.hex(8));
  }
}

/** Words for tags, descriptions and search terms (tags are what the searches look for). */
export const WORDS = [
  'fractal', 'diffusion', 'lattice', 'monte-carlo', 'genome', 'protein', 'climate', 'ocean', 'neuron', 'galaxy',
  'turbulence', 'epidemic', 'graph', 'markov', 'bayesian', 'spectral', 'quantum', 'plasma', 'seismic', 'catalyst',
  'ensemble', 'regression', 'inference', 'sampling', 'mesh', 'solver', 'kernel', 'wavelet', 'optimizer', 'benchmark',
  'baseline', 'ablation', 'replication', 'calibration', 'validation', 'pipeline', 'preprocessing', 'alignment', 'assembly', 'variant',
  'phylogeny', 'reaction', 'transport', 'elastic', 'fluid', 'thermal', 'orbital', 'stellar', 'cortex', 'synapse',
] as const;

const STATUSES = ['finished', 'finished', 'finished', 'finished', 'crashed', 'running', 'aborted', 'started'] as const;
const PACKAGES = ['numpy', 'scipy', 'pandas', 'matplotlib', 'torch', 'scikit-learn', 'xarray', 'numba', 'h5py', 'networkx', 'sympy', 'astropy'];
const SEED_EPOCH = Date.UTC(2024, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The token of user `index` in a data set: derived from the seed, so benchmarks can recompute it. */
function seededToken(shape: SeedShape, index: number): string {
  return `rpr_${createHash('sha256').update(`${shape.seed}:${index}`).digest('base64url')}`;
}

function sentence(random: Random, words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
}

/** Progress of a seeding run. */
export interface SeedReport {
  users: number;
  projects: number;
  containers: number;
  records: number;
  seconds: number;
}

/**
 * Writes the data set into the models' database (which should be empty) and returns the users
 * with their tokens. Records go in batches of `batchSize` through insertMany (lean: no per-document
 * validation; the generator writes valid documents). Lean inserts skip the models' defaults, so
 * each document gets them here, and records get the path values the services derive on every
 * push: a document stored without a field the services write would read differently, and one
 * without values would be updated one by one by the start-up backfill of every service.
 */
export async function seed(
  models: Models,
  shape: SeedShape,
  options: { batchSize?: number; log?: (message: string) => void } = {},
): Promise<{ users: SeededUser[]; report: SeedReport }> {
  const batchSize = options.batchSize ?? 5000;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const users: SeededUser[] = [];
  const userDocs: Array<Record<string, unknown>> = [];
  const projectDocs: Array<Record<string, unknown>> = [];
  const containerDocs: Array<Record<string, unknown>> = [];
  let records: Array<Record<string, unknown>> = [];
  let recordCount = 0;

  const flushRecords = async () => {
    if (records.length === 0) return;
    await models.Record.insertMany(records.map((record) => models.Record.applyDefaults(record)), { lean: true, ordered: false });
    recordCount += records.length;
    records = [];
    if (recordCount % (batchSize * 20) === 0) log(`seeded ${recordCount} records in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };

  for (let u = 0; u < shape.users; u += 1) {
    const { random, joined, userId, token } = userStream(shape, u);
    userDocs.push({
      _id: userId,
      email: `user${u}@bench.example.org`,
      name: `Bench User ${u}`,
      passwordHash: null,
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      tokenCreatedAt: joined,
      tokenLastUsedAt: null,
      created: joined,
      updated: joined,
    });
    const seeded: SeededUser = { id: userId, token, projects: [] };
    users.push(seeded);

    for (let p = 0; p < shape.projectsPerUser; p += 1) {
      const { projectCreated, projectId, isPrivate, name, own } = projectHead(random, joined, u, p);
      const history: Types.ObjectId[] = [];
      const containers = own.int(1, 3);
      for (let c = 0; c < containers; c += 1) {
        const at = new Date(projectCreated.getTime() + c * 86_400_000);
        const containerId = own.objectId(at);
        history.push(containerId);
        containerDocs.push({
          _id: containerId,
          project: projectId,
          owner: userId,
          private: isPrivate,
          system: 'docker',
          version: { vcs: 'git', repository: null, commit: own.hex(20), branch: 'main', tag: null, dirty: false, diff: null },
          image: { sha256: null, size: null, mediaType: null, name: null, file: null, reference: `registry.example.org/${name}`, digest: `sha256:${own.hex(32)}` },
          created: at,
        });
      }
      const tags = own.sample(WORDS, own.int(1, 3));
      let recordTime = projectCreated.getTime();
      for (let r = 0; r < shape.recordsPerProject; r += 1) {
        recordTime += own.int(60_000, Math.floor(YEAR_MS / 2 / shape.recordsPerProject));
        const created = new Date(recordTime);
        const status = own.pick(STATUSES);
        const seedValue = own.int(0, 1_000_000);
        const record: Record<string, unknown> = {
          _id: own.objectId(created),
          project: projectId,
          owner: userId,
          private: isPrivate,
          container: history.at(-1) ?? null,
          label: `run-${String(r).padStart(5, '0')}`,
          status,
          statusHistory: [
            { status: 'started', at: created },
            { status, at: new Date(recordTime + 1000) },
          ],
          program: encodeFreeform({ command: 'python', arguments: ['simulate.py', 'params.json', `--seed=${seedValue}`], versionControl: { vcs: 'git', commit: own.hex(20), dirty: false } }),
          parameters: encodeFreeform({ seed: seedValue, steps: own.int(100, 100_000), rate: own.next(), grid: [own.int(16, 512), own.int(16, 512)] }),
          inputs: [{ name: 'params.json', path: 'config/params.json', sha256: own.hex(32), size: own.int(100, 5000), mediaType: 'application/json', file: null }],
          outputs: Array.from({ length: own.int(1, 3) }, (_, i) => ({ name: `out-${i}.csv`, path: 'results', sha256: own.hex(32), size: own.int(1000, 10_000_000), mediaType: 'text/csv', file: null })),
          dependencies: own.sample(PACKAGES, own.int(2, 5)).map((pkg) => ({ name: pkg, version: `${own.int(0, 3)}.${own.int(0, 30)}.${own.int(0, 9)}`, manager: 'pip', source: null })),
          system: encodeFreeform({ os: 'Linux', arch: 'x86_64', hostname: `node${own.int(1, 64)}`, cpu: own.pick([4, 8, 16, 32]), memory: 17179869184 }),
          tags: own.next() < 0.7 ? tags : own.sample(WORDS, 2),
          reason: sentence(own, own.int(3, 8)),
          outcome: sentence(own, own.int(2, 6)),
          duration: Math.round(own.next() * 36_000) / 10,
          stdout: `step 1/${seedValue}\n${sentence(own, 12)}\ndone\n`,
          stderr: '',
          custom: null,
          sumatra: null,
          metrics: null,
          rev: 1,
          created,
          updated: new Date(recordTime + 1000),
        };
        record.values = pathValuesOf(record.parameters as string, null);
        records.push(record);
        if (records.length >= batchSize) await flushRecords();
      }
      projectDocs.push({
        _id: projectId,
        owner: userId,
        name,
        description: sentence(own, own.int(5, 15)),
        goals: sentence(own, own.int(3, 8)),
        tags,
        private: isPrivate,
        history,
        custom: null,
        created: projectCreated,
        updated: new Date(recordTime),
        activity: new Date(recordTime),
      });
      seeded.projects.push({ id: projectId, name, private: isPrivate });
    }
  }
  await flushRecords();
  for (let i = 0; i < userDocs.length; i += batchSize) await models.User.insertMany(userDocs.slice(i, i + batchSize).map((doc) => models.User.applyDefaults(doc)), { lean: true });
  for (let i = 0; i < projectDocs.length; i += batchSize) await models.Project.insertMany(projectDocs.slice(i, i + batchSize).map((doc) => models.Project.applyDefaults(doc)), { lean: true });
  for (let i = 0; i < containerDocs.length; i += batchSize) await models.Container.insertMany(containerDocs.slice(i, i + batchSize).map((doc) => models.Container.applyDefaults(doc)), { lean: true });
  return {
    users,
    report: {
      users: userDocs.length,
      projects: projectDocs.length,
      containers: containerDocs.length,
      records: recordCount,
      seconds: (Date.now() - started) / 1000,
    },
  };
}

/**
 * Each user draws from a PRNG stream of its own (derived from the seed and its index), and takes
 * its user and project heads from the stream's start, so that the users and projects of a data
 * set can be recomputed without generating a million records (describeSeeded).
 */
function userStream(shape: SeedShape, u: number) {
  const random = new Random((shape.seed ^ Math.imul(u + 1, 0x9e3779b1)) >>> 0);
  const joined = new Date(SEED_EPOCH + random.int(0, YEAR_MS / 4));
  return { random, joined, userId: random.objectId(joined), token: seededToken(shape, u) };
}

function projectHead(random: Random, joined: Date, u: number, p: number) {
  // A project's head comes from its own stream too: records drawn for earlier projects do not shift it.
  const own = new Random((Math.imul(u + 1, 0x85ebca6b) ^ Math.imul(p + 1, 0xc2b2ae35) ^ Math.floor(random.next() * 2 ** 32)) >>> 0);
  const projectCreated = new Date(joined.getTime() + own.int(0, YEAR_MS / 4));
  return { projectCreated, projectId: own.objectId(projectCreated), isPrivate: own.next() < 0.5, name: `${own.pick(WORDS)}-${u}-${p}`, own };
}

/** The users of a data set (ids, tokens, projects), recomputed from its shape without querying anything. */
export function describeSeeded(shape: SeedShape): SeededUser[] {
  const users: SeededUser[] = [];
  for (let u = 0; u < shape.users; u += 1) {
    const { random, joined, userId, token } = userStream(shape, u);
    const projects: SeededUser['projects'] = [];
    for (let p = 0; p < shape.projectsPerUser; p += 1) {
      const { projectId, isPrivate, name } = projectHead(random, joined, u, p);
      projects.push({ id: projectId, name, private: isPrivate });
    }
    users.push({ id: userId, token, projects });
  }
  return users;
}
