import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedPropositions, answerDiffRequest, closeLevenshteinWorkers, compareRecords, createDiffRequest } from '@reprise/core';
import { ensureVenv, venvDir } from '@reprise/tools';
import type { TestUser } from '@reprise/tools/testing';
import { bearer, useApi } from '../test/harness.js';

/**
 * Drives the real, unmodified Sumatra 0.8.1 from PyPI against the real API service on a real
 * port: the client is the judge of the protocol. Sumatra is installed once into
 * .cache/sumatra-venv and reused; if pip cannot install it, this test fails (on purpose).
 */

const BIN = path.join(venvDir('sumatra-venv'), 'bin');
const SUMATRA_VERSION = '0.8.1';
const INSTALL_TIMEOUT_MS = 10 * 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function mustRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** True when the venv holds Sumatra 0.8.1 with its HTTP store and git support. */
async function sumatraReady(): Promise<boolean> {
  if (!existsSync(path.join(BIN, 'smt'))) return false;
  const check = await run(path.join(BIN, 'python'), ['-c', 'import sumatra, httplib2, git; print(sumatra.__version__)']);
  return check.code === 0 && check.stdout.trim() === SUMATRA_VERSION;
}

/** Installs Sumatra into .cache/sumatra-venv unless a working install is already there. */
async function ensureSumatra(): Promise<void> {
  // httplib2 comes with the "remote" extra: without it Sumatra silently treats the URL as a file path.
  // setuptools and packaging are imported by Sumatra at run time.
  await ensureVenv('sumatra-venv', [`sumatra[remote]==${SUMATRA_VERSION}`, 'GitPython', 'setuptools', 'packaging'], { ready: sumatraReady, timeoutMs: INSTALL_TIMEOUT_MS });
}

const api = useApi();
let server: Server | undefined;
let work = '';
let scratch = '';

beforeAll(async () => {
  await ensureSumatra();
  server = await new Promise<Server>((resolve) => {
    const listening = api.app().listen(0, '127.0.0.1', () => resolve(listening));
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'reprise-smt-'));
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await closeLevenshteinWorkers();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function storeUrl(user: TestUser): string {
  const port = (server?.address() as AddressInfo).port;
  return `http://${user.user.email}:${user.token}@127.0.0.1:${port}/sumatra/`;
}

/** Runs smt in the working copy, with only the venv's Python on the way. */
function smt(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: `${BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: scratch,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  return run(path.join(BIN, 'smt'), args, { cwd: work, env });
}

async function setUpWorkingCopy(): Promise<void> {
  work = mkdtempSync(path.join(scratch, 'project-'));
  const git = (args: string[]) => mustRun('git', args, { cwd: work, env: { ...process.env, HOME: scratch, GIT_CONFIG_NOSYSTEM: '1' } });
  await git(['init', '-q']);
  await git(['config', 'user.email', 'tester@example.org']);
  await git(['config', 'user.name', 'Tester']);
  writeFileSync(
    path.join(work, 'main.py'),
    ['import sys, os', 'os.makedirs("Data", exist_ok=True)', 'open("Data/out.txt", "w").write("r\\n")', 'print(open(sys.argv[1]).read())', ''].join('\n'),
  );
  writeFileSync(path.join(work, 'default.param'), 'a = 1\n');
  writeFileSync(path.join(work, '.gitignore'), '.smt\n.cache\nData\n');
  await git(['add', '-A']);
  await git(['commit', '-qm', 'init']);
}

function expectOk(result: Run, what: string): void {
  expect(result.code, `${what}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

describe('real Sumatra 0.8.1 (smt) against the Sumatra store', () => {
  it('runs init, run, list, tag, comment, delete, delete --tag and sync, and the records show in the Reprise API', async () => {
    const alice = await api.user('Alice');
    const { Record, Project } = api.db.models;
    await setUpWorkingCopy();
    const url = storeUrl(alice);

    expectOk(await smt(['init', `--store=${url}`, '-m', 'main.py', '-e', path.join(BIN, 'python'), 'MyProj']), 'smt init');

    // smt run saves the record five times; the last save (finished, with outputs) wins.
    const first = await smt(['run', 'default.param', 'a=5', '--reason', 'test', '--tag', 't1']);
    expectOk(first, 'smt run');
    const label = /Record label for this run: '([^']+)'/.exec(first.stdout)?.[1] ?? '';
    expect(label).not.toBe('');
    const project = await Project.findOne({ owner: alice.user._id, name: 'MyProj' }).lean();
    expect(project?.private).toBe(true);
    const saved = await Record.findOne({ project: project?._id, label }).lean();
    expect(saved?.status).toBe('finished');
    expect(saved?.statusHistory.map((change) => change.status)).toEqual(['scheduled', 'started', 'running', 'finished']);
    expect(saved?.duration).toEqual(expect.any(Number));
    expect(saved?.stdout).toContain('a = 5');
    expect(saved?.outputs.map((output) => output.name)).toEqual(['out.txt']);
    expect(saved?.sumatra?.tags).toEqual(['_finished_', 't1']);

    const list = await smt(['list']);
    expectOk(list, 'smt list');
    expect(list.stdout.trim().split('\n')).toEqual([label]);
    const long = await smt(['list', '-l']);
    expectOk(long, 'smt list -l');
    expect(long.stdout).toContain(label);
    expect(long.stdout).toMatch(/Reason\s*:\s*test/);
    expect(long.stdout).toContain('out.txt');
    const tagged = await smt(['list', 't1']);
    expectOk(tagged, 'smt list t1');
    expect(tagged.stdout.trim()).toBe(label);
    const untagged = await smt(['list', 'nope']);
    expectOk(untagged, 'smt list nope');
    expect(untagged.stdout.trim()).toBe('');

    // Bob reproduces the run and Alice agrees: the record is sealed. smt tag and smt comment save
    // the whole record again, which a sealed record accepts since its sealed fields stay the same;
    // deleting it is refused (409).
    const bob = await api.user('Bob');
    await api.request().post('/api/v1/project/push/MyProj').set(bearer(alice.token)).send({ private: false }).expect(200);
    await api.request().post('/api/v1/project/push/rerun').set(bearer(bob.token)).send({}).expect(201);
    const rerun = await api.request().post('/api/v1/record/push/rerun').set(bearer(bob.token)).send({ label: 'copy', parameters: { a: 5 } }).expect(201);
    const deps = { models: api.db.models, blobs: api.db.blobs };
    const verdict = await createDiffRequest(deps, { id: bob.user._id, name: 'Bob' }, {
      from: rerun.body.id as string,
      toward: saved?._id.toHexString() ?? '',
      method: 'visual',
      description: 'Same output file.',
      proposition: 'reproduced',
    });
    await answerDiffRequest(deps, { id: alice.user._id, name: 'Alice' }, verdict._id.toHexString(), { answer: 'agreed' });
    const sealedDelete = await smt(['delete', label]);
    // Sumatra reports any refused delete as a missing record, and carries on.
    expect(sealedDelete.stdout).toContain(`Could not delete record '${label}'`);
    expect(await Record.exists({ project: project?._id, label })).not.toBeNull();

    expectOk(await smt(['tag', 'foo']), 'smt tag');
    expectOk(await smt(['comment', 'looks right']), 'smt comment');
    const commented = await Record.findOne({ project: project?._id, label }).lean();
    expect(commented?.tags.sort()).toEqual(['foo', 't1']);
    expect(commented?.outcome).toBe('looks right');
    expect(commented?.status).toBe('finished');
    expect(commented?.duration).toBe(saved?.duration);

    // A second run (a label with ":"), deleted by tag: Sumatra reads the count from the body.
    expectOk(await smt(['run', '--label', 'gone:1', 'default.param', '--tag', 'gone']), 'smt run gone');
    expect(await Record.countDocuments({ project: project?._id })).toBe(2);
    const byTag = await smt(['delete', '--tag', 'gone']);
    expectOk(byTag, 'smt delete --tag');
    expect(byTag.stdout).toContain('1 records deleted.');
    expect(await Record.countDocuments({ project: project?._id })).toBe(1);

    // A third run deleted by label.
    expectOk(await smt(['run', '--label', 'third', 'default.param']), 'smt run third');
    const beforeDelete = await smt(['list']);
    expect(beforeDelete.stdout.trim().split('\n')).toEqual(['third', label]);
    expectOk(await smt(['delete', 'third']), 'smt delete third');
    expect(await Record.exists({ project: project?._id, label: 'third' })).toBeNull();
    const afterDelete = await smt(['list']);
    expect(afterDelete.stdout.trim().split('\n')).toEqual([label]);

    // sync copies the store into a local shelf; syncing again compares every record on both
    // sides, which only passes if the store gives back exactly what Sumatra saved.
    const shelf = path.join(scratch, 'copy.shelf');
    expectOk(await smt(['sync', url, shelf]), 'smt sync');
    const again = await smt(['sync', url, shelf]);
    expectOk(again, 'smt sync again');
    expect(again.stdout).not.toContain('Synchronization incomplete');
    // And back: a record deleted from the store comes back from the shelf through a PUT.
    await Record.deleteOne({ project: project?._id, label });
    expectOk(await smt(['sync', url, shelf]), 'smt sync back');
    expect(await Record.exists({ project: project?._id, label })).not.toBeNull();
    expectOk(await smt(['list']), 'smt list after sync');

    // The record, mapped, through the Reprise API.
    const display = await api.request().get(`/api/v1/record/display/MyProj/${encodeURIComponent(label)}`).set(bearer(alice.token));
    expect(display.status).toBe(200);
    const record = display.body;
    expect(record.status).toBe('finished');
    expect(record.duration).toEqual(expect.any(Number));
    expect(record.reason).toBe('test');
    expect(record.outcome).toBe('looks right');
    expect(record.tags.sort()).toEqual(['foo', 't1']);
    expect(record.outputs).toEqual([
      expect.objectContaining({ name: 'out.txt', path: 'out.txt', sha256: null, sha1: createHash('sha1').update('r\n').digest('hex'), mediaType: 'text/plain', size: 2 }),
    ]);
    expect(record.custom.sumatra.outputs[0]).toMatchObject({ name: 'out.txt', sha1: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(record.parameters).toEqual({ type: 'SimpleParameterSet', content: expect.stringContaining('a = 5') });
    const head = await mustRun('git', ['rev-parse', 'HEAD'], { cwd: work });
    expect(record.program.versionControl).toMatchObject({ vcs: 'git', commit: head.stdout.trim(), dirty: false, diff: null });
    expect(record.program.entryPoint).toBe('main.py');
    expect(record.system.os).toBe('Linux');
    expect(record.stdout).toContain('a = 5');
  }, 300_000);

  it('finds two real smt runs of a deterministic script with the same output repeatable, by Sumatra\'s sha1', async () => {
    const bob = await api.user('Bob');
    const { Record, Project } = api.db.models;
    await setUpWorkingCopy();
    expectOk(await smt(['init', `--store=${storeUrl(bob)}`, '-m', 'main.py', '-e', path.join(BIN, 'python'), 'Deterministic']), 'smt init');
    expectOk(await smt(['run', '--label', 'first', 'default.param', 'a=5']), 'smt run first');
    expectOk(await smt(['run', '--label', 'second', 'default.param', 'a=5']), 'smt run second');

    const project = await Project.findOne({ owner: bob.user._id, name: 'Deterministic' }).orFail().lean();
    const first = await Record.findOne({ project: project._id, label: 'first' }).orFail().lean();
    const second = await Record.findOne({ project: project._id, label: 'second' }).orFail().lean();
    expect(first.outputs.map((output) => [output.name, output.sha256, output.sha1])).toEqual([['out.txt', null, createHash('sha1').update('r\n').digest('hex')]]);

    const evidence = await compareRecords({ models: api.db.models, blobs: api.db.blobs }, first, second);
    expect(evidence.outputs.pairs).toEqual([expect.objectContaining({ name: 'out.txt', result: 'identical', digest: 'sha1', same: true })]);
    expect(evidence.outputs).toMatchObject({ same: true, comparable: true });
    expect(evidence.code).toMatchObject({ same: true, basis: 'vcs' });
    expect(evidence.inputs.same).toBe(true);
    expect(evidence.cell).toBe('repeatable');
    expect(allowedPropositions('default', evidence)).toEqual(['repeated']);
  }, 300_000);
});
