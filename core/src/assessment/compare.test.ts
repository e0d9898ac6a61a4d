import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '@reprise/contract';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { AppError } from '../errors.js';
import type { ContainerDoc, RecordDoc } from '../models/index.js';
import { attachFiles } from '../services/attachments.js';
import { pushContainer } from '../services/containers.js';
import type { Actor, Deps } from '../services/context.js';
import { pushProject } from '../services/projects.js';
import { replaceRecord, type RecordReplacement, type ReplacementFileRef } from '../services/record-replacement.js';
import { createRecord } from '../services/records.js';
import { compare, compareRecords, fileSourceOf } from './compare.js';
import { allowedPropositions, type Evidence, type OutputPair } from '@reprise/rules';
import { assertProposition } from './refusal.js';
import { closeLevenshteinWorkers } from './pool.js';

const db = useTestDatabase();
let deps: Deps;
let actor: Actor;

afterAll(async () => {
  await closeLevenshteinWorkers();
});

beforeEach(async () => {
  deps = { models: db.models, blobs: db.blobs };
  const { user } = await makeUser(db.models);
  actor = { id: user._id, name: user.name };
  await pushProject(deps, actor, 'simulation', {});
});

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** An output to upload: text, bytes, or bytes with a media type. */
type Upload = string | Buffer | { content: string | Buffer; mediaType: string };

/** Creates a record through the services and uploads its outputs through the blob store. */
async function run(label: string, fields: Omit<Schemas['RecordPush'], 'label'> = {}, uploads: Record<string, Upload> = {}): Promise<RecordDoc> {
  const { record } = await createRecord(deps, actor, 'simulation', { ...fields, label });
  const parts = await Promise.all(
    Object.entries(uploads).map(async ([name, upload]) => {
      const { content, mediaType } = typeof upload === 'string' || Buffer.isBuffer(upload) ? { content: upload, mediaType: 'text/plain' } : upload;
      const blob = await db.blobs.write(Readable.from([Buffer.from(content)]));
      return { field: 'outputs' as const, upload: { blob, mediaType, originalName: name } };
    }),
  );
  if (parts.length === 0) return record;
  return (await attachFiles(deps, actor, 'simulation', label, parts, undefined)).record;
}

function sha1(content: string): string {
  return createHash('sha1').update(content).digest('hex');
}

/** Writes a whole record the way the Sumatra record store does: inputs and outputs known by Sumatra's sha1 only. */
async function sumatraRun(label: string, files: { inputs?: ReplacementFileRef[]; outputs?: ReplacementFileRef[] }): Promise<RecordDoc> {
  const project = await db.models.Project.findOne({ owner: actor.id, name: 'simulation' }).orFail().lean();
  const replacement: RecordReplacement = {
    status: 'finished',
    program: { command: '/usr/bin/python3', entryPoint: 'main.py', versionControl: { vcs: 'git', commit: 'c'.repeat(40), dirty: false, diff: null } },
    parameters: { content: 'a = 1', type: 'SimpleParameterSet' },
    system: null,
    custom: null,
    inputs: files.inputs ?? [],
    outputs: files.outputs ?? [],
    dependencies: [],
    tags: [],
    reason: '',
    outcome: '',
    duration: 0.1,
    stdout: '',
    stderr: '',
    sumatra: null,
  };
  return (await replaceRecord(deps, actor, project, label, replacement)).record;
}

async function container(input: Schemas['ContainerPush']): Promise<ContainerDoc> {
  return (await pushContainer(deps, actor, 'simulation', input)).container;
}

function pair(evidence: Evidence, name: string): OutputPair {
  const found = evidence.outputs.pairs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no pair named ${name}`);
  return found;
}

const LOG = Array.from({ length: 400 }, (_, i) => `step ${i} energy ${(i * 0.125).toFixed(3)} ok`).join('\n');
const inputs = [{ name: 'mesh.dat', sha256: sha256('mesh') }, { name: 'config.yaml', sha256: sha256('config') }];

describe('compare()', () => {
  it('finds two runs of the same code on the same inputs with identical outputs repeatable', async () => {
    await container({ system: 'docker', image: { reference: 'ghcr.io/lab/sim:1', digest: `sha256:${'a'.repeat(64)}` } });
    const a = await run('a', { inputs, parameters: { steps: 400, solver: { tol: 1e-6, kind: 'cg' } } }, { 'log.txt': LOG });
    const b = await run('b', { inputs: [...inputs].reverse(), parameters: { solver: { kind: 'cg', tol: 1e-6 }, steps: 400 } }, { 'log.txt': LOG });

    const evidence = await compareRecords(deps, a, b);
    expect(evidence.cell).toBe('repeatable');
    expect(evidence.code).toMatchObject({ same: true, basis: 'container' });
    expect(evidence.inputs).toMatchObject({ same: true, digests: { same: true, onlyA: [], onlyB: [] }, parameters: { same: true, differences: [] } });
    expect(evidence.inputs.digests.common).toEqual([sha256('mesh'), sha256('config')].sort());
    expect(evidence.outputs).toMatchObject({ same: true, tolerance: 0 });
    expect(pair(evidence, 'log.txt')).toMatchObject({ result: 'identical', same: true, a: { sha256: sha256(LOG), uploaded: true } });
    expect(evidence.a).toEqual({ record: a._id.toHexString(), label: 'a', project: a.project.toHexString() });
  });

  it('measures the exact Levenshtein distance of differing text outputs, and counts them the same within the tolerance', async () => {
    await container({ system: 'docker', version: { vcs: 'git', commit: 'abcdef1234567' } });
    const edited = LOG.replace('step 10 ', 'step 1O ').replace('energy 12.500', 'energy 12.501').replace('step 399', 'step 39');
    const a = await run('a', { inputs }, { 'log.txt': LOG });
    const b = await run('b', { inputs }, { 'log.txt': edited });

    const strict = await compareRecords(deps, a, b);
    expect(pair(strict, 'log.txt')).toMatchObject({ result: 'text-distance', same: false, distance: 3, exact: true, lowerBound: 3 });
    expect(pair(strict, 'log.txt').similarity).toBeCloseTo(1 - 3 / LOG.length, 10);
    expect(strict.outputs.same).toBe(false);
    expect(strict.cell).toBe('non-repeatable');
    expect(strict.outputs.reason).toContain('"log.txt" at 3 edit(s)');

    const tolerant = await compareRecords(deps, a, b, { tolerance: 3 });
    expect(pair(tolerant, 'log.txt')).toMatchObject({ result: 'text-distance', same: true, distance: 3 });
    expect(tolerant.cell).toBe('repeatable');
  });

  it('measures multi-megabyte near-identical text outputs exactly', async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => `${i},${(i * 0.37).toFixed(4)},${(i % 7) * 1.5}`).join('\n');
    const edited = big.replace('1000,370.0000', '1000,370.0001').replace('50000,', '50000;');
    expect(big.length).toBeGreaterThan(1_000_000);
    const a = await run('a', {}, { 'table.csv': { content: big, mediaType: 'text/csv' } });
    const b = await run('b', {}, { 'table.csv': { content: edited, mediaType: 'text/csv' } });
    const evidence = await compareRecords(deps, a, b);
    expect(pair(evidence, 'table.csv')).toMatchObject({ result: 'text-distance', distance: 2, exact: true, method: 'diagonal' });
  });

  it('puts runs with different inputs or parameters at best in "reproducible", listing what differs', async () => {
    const a = await run('a', { inputs, parameters: { steps: 400, seed: 1 } }, { 'log.txt': LOG });
    const b = await run('b', { inputs: [inputs[0] ?? { name: 'x' }, { name: 'config.yaml', sha256: sha256('config v2') }], parameters: { steps: 400, seed: 2, extra: true } }, { 'log.txt': LOG });
    const evidence = await compareRecords(deps, a, b);
    expect(evidence.cell).toBe('reproducible');
    expect(evidence.inputs.same).toBe(false);
    expect(evidence.inputs.digests).toMatchObject({ same: false, common: [sha256('mesh')], onlyA: [sha256('config')], onlyB: [sha256('config v2')] });
    expect(evidence.inputs.parameters.differences).toEqual([
      { key: '/seed', a: 1, b: 2 },
      { key: '/extra', b: true },
    ]);
    expect(evidence.inputs.reason).toContain('parameters differ at /seed, /extra');
  });

  it('treats absent, null and empty parameters alike, and compares input digests as a multiset', async () => {
    const twice = [{ name: 'a.dat', sha256: sha256('x') }, { name: 'b.dat', sha256: sha256('x') }];
    const a = await run('a', { inputs: twice }, { 'out.txt': 'ok' });
    const b = await run('b', { inputs: twice, parameters: {} }, { 'out.txt': 'ok' });
    const c = await run('c', { inputs: [{ name: 'a.dat', sha256: sha256('x') }], parameters: null }, { 'out.txt': 'ok' });
    expect((await compareRecords(deps, a, b)).inputs.same).toBe(true);
    const fewer = await compareRecords(deps, a, c);
    expect(fewer.inputs.parameters.same).toBe(true);
    expect(fewer.inputs.digests).toMatchObject({ same: false, common: [sha256('x')], onlyA: [sha256('x')], onlyB: [] });
  });

  it('finds an input declared without a digest not comparable', async () => {
    const a = await run('a', { inputs: [{ name: 'data.bin' }] }, { 'out.txt': 'ok' });
    const b = await run('b', { inputs: [{ name: 'data.bin' }] }, { 'out.txt': 'ok' });
    const evidence = await compareRecords(deps, a, b);
    expect(evidence.inputs).toMatchObject({ same: false, digests: { unknownA: ['data.bin'], unknownB: ['data.bin'] } });
    expect(evidence.inputs.reason).toContain('"data.bin" have no digest');
  });

  describe('code', () => {
    const commit = '3f2c9a1b4d5e6f708192a3b4c5d6e7f8091a2b3c';

    it('is the same for the same commit and working-tree diff, even in different containers', async () => {
      await container({ system: 'docker', image: { reference: 'lab/sim:1', digest: `sha256:${'1'.repeat(64)}` } });
      const a = await run('a', { program: { command: 'sim', versionControl: { vcs: 'git', commit, dirty: true, diff: 'd'.repeat(64) } } });
      await container({ system: 'docker', image: { reference: 'lab/sim:2', digest: `sha256:${'2'.repeat(64)}` } });
      const b = await run('b', { program: { command: 'sim', versionControl: { vcs: 'git', commit, dirty: true, diff: 'd'.repeat(64) } } });
      const evidence = await compareRecords(deps, a, b);
      expect(evidence.code).toMatchObject({ same: true, basis: 'vcs', a: { vcs: { source: 'program', commit } } });
      expect(evidence.code.reason).toBe(`Both ran commit 3f2c9a1b4d5e with the same working-tree diff (sha256 dddddddddddd).`);
      expect(evidence.code.a.container).not.toBe(evidence.code.b.container);
    });

    it('differs for different commits, even in the same container', async () => {
      await container({ system: 'docker', version: { vcs: 'git', commit } });
      const a = await run('a');
      const b = await run('b', { program: { versionControl: { commit: 'ffffffffffffffffffffffffffffffffffffffff' } } });
      const evidence = await compareRecords(deps, a, b);
      expect(evidence.code).toMatchObject({ same: false, basis: 'vcs', a: { vcs: { source: 'container', commit } }, b: { vcs: { source: 'program' } } });
      expect(evidence.code.reason).toBe('A ran commit 3f2c9a1b4d5e and B ran commit ffffffffffff.');
    });

    it('differs for the same commit with different working trees', async () => {
      const a = await run('a', { program: { versionControl: { commit, dirty: false } } });
      const b = await run('b', { program: { versionControl: { commit, dirty: true, diff: 'e'.repeat(64) } } });
      const evidence = await compareRecords(deps, a, b);
      expect(evidence.code).toMatchObject({ same: false, basis: 'vcs' });
      expect(evidence.code.reason).toContain('their working trees differ (A: clean, B: diff sha256 eeeeeeeeeeee)');
    });

    it('matches an abbreviated commit with the full one', async () => {
      const a = await run('a', { program: { versionControl: { commit } } });
      const b = await run('b', { program: { versionControl: { commit: commit.slice(0, 7).toUpperCase() } } });
      expect((await compareRecords(deps, a, b)).code).toMatchObject({ same: true, basis: 'vcs' });
    });

    it('falls back to the container when a dirty tree has no diff digest', async () => {
      await container({ system: 'docker' });
      const a = await run('a', { program: { versionControl: { commit, dirty: true } } });
      const b = await run('b', { program: { versionControl: { commit, dirty: true } } });
      const evidence = await compareRecords(deps, a, b);
      expect(evidence.code).toMatchObject({ same: true, basis: 'container' });
      expect(evidence.code.reason).toContain('A and B had uncommitted changes without a diff digest');
    });

    it('is the same for different containers with the same image digest, and different for different digests', async () => {
      await container({ system: 'docker', image: { reference: 'lab/sim:1', digest: `sha256:${'C'.repeat(64)}` } });
      const a = await run('a');
      await container({ system: 'podman', image: { reference: 'mirror/sim:1', digest: 'c'.repeat(64) } });
      const b = await run('b');
      await container({ system: 'docker', image: { reference: 'lab/sim:2', digest: `sha256:${'9'.repeat(64)}` } });
      const c = await run('c');
      expect((await compareRecords(deps, a, b)).code).toMatchObject({ same: true, basis: 'image' });
      const different = await compareRecords(deps, a, c);
      expect(different.code).toMatchObject({ same: false, basis: 'image' });
      expect(different.code.reason).toBe("The containers' images differ (A: sha256:cccccccccccc, B: sha256:999999999999).");
    });

    it('cannot be shown to be the same without VCS commit, container or image digest', async () => {
      const a = await run('a', {}, { 'out.txt': 'same' });
      const b = await run('b', {}, { 'out.txt': 'same' });
      const evidence = await compareRecords(deps, a, b);
      expect(evidence.code).toMatchObject({ same: false, basis: 'unknown', a: { vcs: null, container: null, image: null } });
      expect(evidence.code.reason).toBe(
        'The code cannot be shown to be the same: A and B carry no VCS commit, A and B had no container, A and B had no image digest.',
      );
      expect(evidence.cell).toBe('reproducible');
    });
  });

  describe('outputs', () => {
    it('compares outputs declared but never uploaded by their declared digests, and says when that is not enough', async () => {
      const a = await run('a', { outputs: [{ name: 'same.h5', sha256: sha256('one') }, { name: 'changed.txt', sha256: sha256('two') }, { name: 'blind.txt' }] });
      const b = await run('b', { outputs: [{ name: 'same.h5', sha256: sha256('one') }, { name: 'changed.txt', sha256: sha256('three') }, { name: 'blind.txt' }] });
      const evidence = await compareRecords(deps, a, b);
      expect(pair(evidence, 'same.h5')).toMatchObject({ result: 'identical', same: true, a: { uploaded: false } });
      expect(pair(evidence, 'changed.txt')).toMatchObject({
        result: 'different-unmeasured',
        same: false,
        note: 'The digests differ; the bytes were never uploaded on A and B, so no distance was measured.',
      });
      expect(pair(evidence, 'blind.txt')).toMatchObject({
        result: 'not-comparable',
        same: false,
        note: 'Declared without a digest and never uploaded on A and B: it cannot be compared.',
      });
      // One pair that differs decides: the outputs differ, whatever the pair that cannot be compared holds.
      expect(evidence.outputs).toMatchObject({ same: false, comparable: true });
      expect(evidence.outputs.reason).toBe('1 of 3 output(s) differ: "changed.txt" has a different digest; 1 cannot be compared ("blind.txt").');
    });

    it('compares Sumatra outputs and inputs by their sha1 when neither side has a sha256: the same sha1 is repeatable', async () => {
      const files = { inputs: [{ name: 'data.csv', path: 'data.csv', sha1: sha1('1,2,3') }], outputs: [{ name: 'out.txt', path: 'Data/out.txt', sha1: sha1('r\n') }] };
      const evidence = await compareRecords(deps, await sumatraRun('20261129-081000', files), await sumatraRun('20261129-081005', files));
      expect(pair(evidence, 'out.txt')).toMatchObject({ result: 'identical', digest: 'sha1', same: true, a: { sha256: null, sha1: sha1('r\n') } });
      expect(evidence.inputs).toMatchObject({ same: true, digests: { common: [sha1('1,2,3')], onlyA: [], onlyB: [], unknownA: [], unknownB: [] } });
      expect(evidence.outputs).toMatchObject({ same: true, comparable: true });
      expect(evidence.cell).toBe('repeatable');
      expect(allowedPropositions('default', evidence)).toEqual(['repeated']);
    });

    it('finds Sumatra outputs with different sha1 different, by digest only', async () => {
      const a = await sumatraRun('a', { outputs: [{ name: 'out.txt', sha1: sha1('one') }] });
      const b = await sumatraRun('b', { outputs: [{ name: 'out.txt', sha1: sha1('two') }] });
      const evidence = await compareRecords(deps, a, b);
      expect(pair(evidence, 'out.txt')).toMatchObject({ result: 'different-unmeasured', digest: 'sha1', same: false });
      expect(evidence.cell).toBe('non-repeatable');
    });

    it('calls outputs with no digest both sides have not comparable, never different, and puts the pair in no table cell', async () => {
      const a = await run('a', { outputs: [{ name: 'out.txt', sha256: sha256('r\n') }, { name: 'same.txt', sha256: sha256('s') }] });
      const b = await sumatraRun('b', { outputs: [{ name: 'out.txt', sha1: sha1('r\n') }, { name: 'same.txt', sha1: sha1('s') }] });
      const mixed = await compareRecords(deps, a, b);
      expect(pair(mixed, 'out.txt')).toMatchObject({ result: 'not-comparable', same: false, note: 'No digest both sides have (A has only a sha256, B only a sha1): it cannot be compared.' });
      expect(pair(mixed, 'out.txt').digest).toBeUndefined();
      expect(mixed.outputs).toMatchObject({ same: false, comparable: false });
      expect(mixed.cell).toBe('not-comparable');

      const blind = await compareRecords(deps, await run('c', { outputs: [{ name: 'blind.txt' }] }), await run('d', { outputs: [{ name: 'blind.txt' }] }));
      expect(blind.outputs).toMatchObject({ same: false, comparable: false });
      expect(blind.outputs.reason).toBe(
        '1 of 1 output(s) cannot be compared, for want of a digest both sides have (sha256, else sha1): "blind.txt" cannot be compared. Nothing shows whether the outputs are the same.',
      );
      expect(blind.cell).toBe('not-comparable');
      expect(allowedPropositions('default', blind)).toEqual([]);
      expect(() => assertProposition('default', 'non-repeated', blind)).toThrow(/the outputs cannot be compared/);
      expect(allowedPropositions('visual', blind)).toEqual(['reproduced', 'non-reproduced']);
    });

    it('reports outputs present on one side only as missing on the other', async () => {
      const a = await run('a', {}, { 'log.txt': LOG, 'only-a.txt': 'a' });
      const b = await run('b', {}, { 'log.txt': LOG, 'only-b.txt': 'b' });
      const evidence = await compareRecords(deps, a, b);
      expect(pair(evidence, 'only-a.txt')).toMatchObject({ result: 'missing-b', same: false, b: null });
      expect(pair(evidence, 'only-b.txt')).toMatchObject({ result: 'missing-a', same: false, a: null });
      expect(evidence.outputs.pairs.map((p) => p.name)).toEqual(['log.txt', 'only-a.txt', 'only-b.txt']);
    });

    it('does not find records without outputs to have the same outputs', async () => {
      const evidence = await compareRecords(deps, await run('a'), await run('b'));
      expect(evidence.outputs).toMatchObject({ same: false, pairs: [] });
      expect(evidence.outputs.reason).toBe('Neither record lists outputs, so nothing shows that the outputs are the same.');
    });

    it('compares binary outputs by digest only', async () => {
      const a = await run('a', {}, { 'state.bin': Buffer.from([1, 0, 2, 3]), 'plot.png': { content: 'not really a png', mediaType: 'image/png' } });
      const b = await run('b', {}, { 'state.bin': Buffer.from([1, 0, 2, 4]), 'plot.png': { content: 'not really a png!', mediaType: 'image/png' } });
      const evidence = await compareRecords(deps, a, b);
      expect(pair(evidence, 'state.bin')).toMatchObject({ result: 'different-binary', same: false, note: 'Not UTF-8 text on A and B: compared by digest only.' });
      expect(pair(evidence, 'plot.png')).toMatchObject({ result: 'different-binary', note: 'Binary content (image/png): compared by digest only.' });
      expect(pair(evidence, 'state.bin').distance).toBeUndefined();
    });

    it('compares text outputs above the text limit by digest only', async () => {
      const a = await run('a', {}, { 'log.txt': LOG });
      const b = await run('b', {}, { 'log.txt': `${LOG}!` });
      const evidence = await compareRecords(deps, a, b, { textLimitBytes: 1024 });
      expect(pair(evidence, 'log.txt')).toMatchObject({ result: 'different-unmeasured', note: 'Larger than the 1024 bytes limit for text comparison: compared by digest only.' });
    });

    it('reads bytes through any FileSource', async () => {
      const a = await run('a', {}, { 'log.txt': 'abc' });
      const b = await run('b', {}, { 'log.txt': 'abd' });
      const evidence = await compare({ record: a, container: null }, { record: b, container: null }, { files: fileSourceOf(deps), now: new Date('2025-01-02T03:04:05Z') });
      expect(pair(evidence, 'log.txt')).toMatchObject({ distance: 1, similarity: 1 - 1 / 3 });
      expect(evidence.computedAt).toBe('2025-01-02T03:04:05.000Z');
    });
  });

  it('lists dependency changes and system and program differences', async () => {
    const a = await run('a', {
      dependencies: [
        { name: 'numpy', version: '1.26.4', manager: 'pip' },
        { name: 'scipy', version: '1.13.0', manager: 'pip' },
        { name: 'libblas', version: '3.9', manager: 'apt' },
      ],
      system: { os: 'Linux', hostname: 'lab-7', runtimes: { python: '3.12.2' }, gpus: [] },
      program: { command: 'sim', arguments: ['--fast'], versionControl: { commit: 'abcdef1' } },
    });
    const b = await run('b', {
      dependencies: [
        { name: 'numpy', version: '2.0.0', manager: 'pip' },
        { name: 'libblas', version: '3.9', manager: 'apt' },
        { name: 'numba', version: '0.60', manager: 'pip' },
      ],
      system: { os: 'Linux', hostname: 'lab-9', runtimes: { python: '3.12.2', node: '20' }, gpus: ['A100'] },
      program: { command: 'sim', arguments: ['--slow'], versionControl: { commit: 'abcdef2' } },
    });
    const evidence = await compareRecords(deps, a, b);
    expect(evidence.dependencies).toEqual({
      same: false,
      added: [{ name: 'numba', manager: 'pip', version: '0.60' }],
      removed: [{ name: 'scipy', manager: 'pip', version: '1.13.0' }],
      changed: [{ name: 'numpy', manager: 'pip', a: '1.26.4', b: '2.0.0' }],
      unchanged: 1,
    });
    expect(evidence.system).toEqual({
      same: false,
      truncated: false,
      differences: [
        { key: '/hostname', a: 'lab-7', b: 'lab-9' },
        { key: '/gpus', a: [] },
        { key: '/runtimes/node', b: '20' },
        { key: '/gpus/0', b: 'A100' },
      ],
    });
    // Version control is compared under `code`, not listed again here.
    expect(evidence.program.differences).toEqual([{ key: '/arguments/0', a: '--fast', b: '--slow' }]);
  });

  it('produces evidence that is plain JSON and stores as is, even when free-form values hold awkward keys', async () => {
    const a = await run('a', { system: { 'cpu.model': 'x', $where: 1, '': { 'a/b~c': [[1]] } }, parameters: { '$gt': 1 } }, { 'log.txt': LOG });
    const b = await run('b', { system: { 'cpu.model': 'y', $where: 2, '': { 'a/b~c': [[2]] } }, parameters: { '$gt': 2 } }, { 'log.txt': `${LOG}.` });
    const evidence = await compareRecords(deps, a, b);
    expect(evidence.system.differences.map((d) => d.key)).toEqual(['/cpu.model', '/$where', '//a~1b~0c/0/0']);
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
    const collection = db.connection.collection('evidence_roundtrip');
    const { insertedId } = await collection.insertOne({ evidence });
    const stored = await collection.findOne({ _id: insertedId });
    expect(stored?.evidence).toEqual(evidence);
  });

  it('compares tables of numbers and JSON outputs value by value: the same within rtol and atol, and says why other text is compared as text', async () => {
    await container({ system: 'docker', version: { vcs: 'git', commit: 'abcdef1234567' } });
    const table = (digits: number) => `x,T\n${Array.from({ length: 50 }, (_, i) => `${i * 0.1},${(Math.exp(-i / 10) * 300).toFixed(digits)}`).join('\n')}\n`;
    const a = await run('a', { inputs }, { 'heat.csv': { content: table(9), mediaType: 'text/csv' }, 'params.json': '{"cfl": 0.45, "scheme": "crank"}', 'log.txt': LOG });
    const b = await run('b', { inputs }, { 'heat.csv': { content: table(10), mediaType: 'text/csv' }, 'params.json': '{"cfl": 0.4, "scheme": "crank"}', 'log.txt': LOG.replace('step 3 ', 'step 3  ') });

    const strict = await compareRecords(deps, a, b, { tolerance: 1 });
    const heat = pair(strict, 'heat.csv');
    expect(heat).toMatchObject({ result: 'numeric', same: false, numeric: { compared: 100, rtol: 0, atol: 0, shapes: { same: true, a: { rows: 50, columns: 2, names: ['x', 'T'] } } } });
    expect(heat.numeric?.differing).toBeGreaterThan(0);
    expect(heat.numeric?.maxAbs?.value).toBeLessThan(1e-9);
    expect(heat.numeric?.maxAbs?.at).toMatchObject({ column: 2, name: 'T' });
    expect(pair(strict, 'params.json')).toMatchObject({ result: 'numeric', same: false, numeric: { differences: [{ a: 0.45, b: 0.4, at: { pointer: '/cfl' } }] } });
    expect(pair(strict, 'log.txt')).toMatchObject({ result: 'text-distance', same: true, distance: 1, notNumeric: expect.stringMatching(/^Not numeric, compared as text: not a table of numbers: line 2, column 1 of A: "step" is not a number/) });
    expect(strict.cell).toBe('non-repeatable');
    expect(strict.outputs.reason).toContain('"heat.csv" has');
    expect(strict.outputs).toMatchObject({ rtol: 0, atol: 0 });

    const tolerant = await compareRecords(deps, a, b, { tolerance: 1, rtol: 1e-9, atol: 0.05 });
    expect(pair(tolerant, 'heat.csv')).toMatchObject({ result: 'numeric', same: true, numeric: { differing: 0, rtol: 1e-9, atol: 0.05 } });
    expect(pair(tolerant, 'params.json')).toMatchObject({ result: 'numeric', same: true });
    expect(tolerant.cell).toBe('repeatable');
    expect(tolerant.outputs.reason).toBe('All 3 output(s) are identical or within the tolerance of 1 edit(s) (1 by text distance) and rtol 1e-9 and atol 0.05 (2 compared as numbers).');
    expect(allowedPropositions('default', tolerant)).toEqual(['repeated']);
  });

  it('refuses numeric tolerances that are negative or not finite', async () => {
    const a = await run('a');
    await expect(compareRecords(deps, a, a, { rtol: -1e-9 })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('rtol') });
    await expect(compareRecords(deps, a, a, { atol: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('atol') });
  });

  it('refuses a tolerance that is not a whole number of edits', async () => {
    const a = await run('a');
    await expect(compareRecords(deps, a, a, { tolerance: -1 })).rejects.toBeInstanceOf(AppError);
    await expect(compareRecords(deps, a, a, { tolerance: 0.5 })).rejects.toMatchObject({ status: 400 });
  });
});
