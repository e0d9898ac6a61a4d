import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@reprise/tools/testing';
import { ApiClient, type ReproductionJob } from '../index.js';
import { createNodeCloudClient } from '../node.js';
import { CLOUD_ORIGIN, cli, ensureBuilt, useApiServer, useCliHome, useCloudServer } from '../test/harness.js';

const db = useTestDatabase();
const api = useApiServer(db);
const cloud = useCloudServer(db);
const home = useCliHome();
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

beforeAll(() => {
  ensureBuilt();
}, 120_000);

let counter = 0;
/** A new account, signed in to the dashboard, with its API token in a CLI environment of its own. */
async function person(name: string) {
  counter += 1;
  const client = createNodeCloudClient({ url: cloud.url, origin: CLOUD_ORIGIN });
  const me = await client.auth.register({ email: `${name.toLowerCase()}-${counter}-${Date.now()}@example.org`, password: 'correct horse battery staple', name });
  const { token } = await client.account.renewToken();
  const env = home.env({ REPRISE_URL: api.url, REPRISE_TOKEN: token, XDG_DATA_HOME: path.join(home.root, `${name}-data`), XDG_CONFIG_HOME: path.join(home.root, `${name}-config`) });
  return { client, me, env, tools: new ApiClient({ url: api.url, token }) };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ada@example.org', '-c', 'user.name=Ada', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

/** The programs of the lab's repository, each run as `python3 <program> params.json`. */
const PROGRAMS: Record<string, string> = {
  // A seeded linear congruential walk: the same parameters give the same bytes.
  'sim.py': `import json, sys, os
p = json.load(open(sys.argv[1]))
x = p["seed"]
rows = ["step,value"]
for step in range(p["steps"]):
    x = (x * 1103515245 + 12345) % 2147483648
    rows.append(f"{step},{x}")
os.makedirs("out", exist_ok=True)
open("out/walk.csv", "w").write("\\n".join(rows) + "\\n")
print("simulated", p["steps"], "steps")
`,
  // Unseeded: every run writes different numbers.
  'noisy.py': `import os, random, sys
os.makedirs("out", exist_ok=True)
open("out/walk.csv", "w").write("\\n".join(str(random.random()) for _ in range(20)) + "\\n")
`,
  'crash.py': `import sys
print("step 1 done", flush=True)
print("boom: negative density at step 2", file=sys.stderr)
sys.exit(3)
`,
  // Long enough for a worker to be killed in the middle of it.
  'slow.py': `import json, os, sys, time
p = json.load(open(sys.argv[1]))
time.sleep(p["sleep"])
os.makedirs("out", exist_ok=True)
open("out/walk.csv", "w").write("slept\\n")
`,
};

/**
 * The lab's repository: its programs and parameters committed, its outputs ignored (so that a
 * run leaves the tree clean), its `origin` the repository itself, or `remote` when given.
 */
function labRepository(name: string, remote?: string): string {
  const dir = path.join(home.root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(PROGRAMS)) writeFileSync(path.join(dir, file), text);
  writeFileSync(path.join(dir, 'params.json'), JSON.stringify({ seed: 7, steps: 40, sleep: 4 }));
  writeFileSync(path.join(dir, '.gitignore'), 'out/\n__pycache__/\n');
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'simulation');
  git(dir, 'remote', 'add', 'origin', remote ?? dir);
  return dir;
}

/** Alice records `python3 <program> <input>` with `reprise run` in her public project; Bob asks for it to be reproduced into his. */
async function requested(program: string, options: { remote?: string; input?: string; prepare?: (repo: string) => void } = {}) {
  const alice = await person('Alice');
  const bob = await person('Bob');
  const lab = await alice.client.projects.create({ name: 'lab', private: false });
  const repo = labRepository(`repo-${counter}`, options.remote);
  options.prepare?.(repo);
  const input = options.input ?? 'params.json';
  const recorded = await cli(['run', '--json', '--no-deps', '--project', 'lab', '--input', input, '--', 'python3', program, input], { env: alice.env, cwd: repo });
  const summary = JSON.parse(recorded.stdout) as { label: string; delivered: boolean };
  expect(summary.delivered).toBe(true);
  const original = await alice.tools.records.display(lab.id, summary.label);
  const mine = await bob.client.projects.create({ name: 'reruns' });
  const job = await bob.client.reproductions.request(original.id, { project: mine.id });
  expect(job).toMatchObject({ state: 'queued', record: original.id, recordProject: lab.id, project: mine.id, projectName: 'reruns', attempts: 0 });
  return { alice, bob, lab, mine, original, job, repo };
}

/** `reprise worker --once`, without probing dependencies unless `deps` (the probe outlasts these short runs). */
function worker(env: NodeJS.ProcessEnv, args: string[], options: { deps?: boolean } = {}) {
  return cli(['worker', '--once', ...args, ...(options.deps ? [] : ['--no-deps'])], { env, cwd: home.work, timeoutMs: 90_000 });
}

describe('reprise worker (native executor)', () => {
  it("runs a record again from its repository at the recorded commit and files the verdict: evidence repeatable, proposition repeated, toward the original", async () => {
    const { alice, bob, lab, mine, original, job } = await requested('sim.py');
    const ran = await worker(bob.env, ['--allow-project', lab.id], { deps: true });
    expect(ran.stderr).toContain(`reproduce "${original.label}"`);
    expect(ran.stderr).toContain('command: python3 sim.py params.json');
    expect(ran.code).toBe(0);

    const done = await bob.client.reproductions.get(job.id);
    expect(done).toMatchObject({ state: 'finished', cell: 'repeatable', proposition: 'repeated', attempts: 1, reason: null });
    expect(done.log).toContain('simulated 40 steps');
    expect(done.worker).toMatch(/:\d+$/);
    expect(done.result).not.toBeNull();
    expect(done.diffRequest).not.toBeNull();

    const rerun = await bob.tools.records.display(mine.id, done.resultLabel ?? '');
    expect(rerun).toMatchObject({ id: done.result, status: 'finished', tags: ['reproduction'] });
    expect((rerun.outputs ?? []).map((output) => [output.path, output.sha256])).toEqual((original.outputs ?? []).map((output) => [output.path, output.sha256]));
    expect(rerun.outputs?.length).toBe(1);
    expect((rerun.program as { versionControl: { commit: string } }).versionControl.commit).toBe((original.program as { versionControl: { commit: string } }).versionControl.commit);

    const request = await bob.client.diffs.get(done.diffRequest ?? '');
    expect(request).toMatchObject({ proposition: 'repeated', cell: 'repeatable', status: 'proposed', from: { id: done.result }, toward: { id: original.id } });
    expect(request.evidence).toMatchObject({ cell: 'repeatable', code: { same: true }, inputs: { same: true }, outputs: { same: true } });
    // The owner of the original answers it as any other request.
    const inbox = await alice.client.diffs.list({ box: 'inbox' });
    expect(inbox.data.map((item) => item.id)).toEqual([done.diffRequest]);
    // Bob is told the reproduction finished, with a link to the request it filed; Alice that a request arrived.
    const told = await bob.client.notifications.list();
    expect(told.data.map((item) => [item.kind, item.link])).toEqual([['reproduction.finished', `/requests/${done.diffRequest}`]]);
    expect((await alice.client.notifications.list()).data.map((item) => item.kind)).toEqual(['request.received']);
  }, 120_000);

  it('runs records only of allowed projects (or any with --yes), and files non-repeated for a program whose outputs differ from run to run', async () => {
    const { bob, job } = await requested('noisy.py');
    // Nobody's program runs without a say: no --yes and no allowed project is a usage error; a
    // project other than the record's leaves the job queued.
    expect((await worker(bob.env, [])).code).toBe(2);
    const elsewhere = await worker(bob.env, ['--allow-project', '0123456789abcdef01234567']);
    expect(elsewhere.stderr).toContain('no reproduction job is waiting');
    expect((await bob.client.reproductions.get(job.id)).state).toBe('queued');
    const ran = await worker(bob.env, ['--yes']);
    expect(ran.code).toBe(0);
    const done = await bob.client.reproductions.get(job.id);
    expect(done).toMatchObject({ state: 'finished', cell: 'non-repeatable', proposition: 'non-repeated' });
    const request = await bob.client.diffs.get(done.diffRequest ?? '');
    expect(request.evidence).toMatchObject({ code: { same: true }, inputs: { same: true }, outputs: { same: false } });
  }, 120_000);

  it('fails the job of a crashing program with its log and the reason, and files nothing', async () => {
    const { bob, job } = await requested('crash.py');
    const ran = await worker(bob.env, ['--yes']);
    expect(ran.code).toBe(1);
    const done = await bob.client.reproductions.get(job.id);
    expect(done.state).toBe('failed');
    expect(done.reason).toContain('crashed');
    expect(done.reason).toContain('exited with code 3');
    expect(done.log).toContain('boom: negative density at step 2');
    expect(done.diffRequest).toBeNull();
    expect(done.result).not.toBeNull();
    expect(await db.models.DiffRequest.countDocuments({ from: done.result })).toBe(0);
    const told = await bob.client.notifications.list();
    expect(told.data).toHaveLength(1);
    expect(told.data[0]).toMatchObject({ kind: 'reproduction.finished', link: `/reproductions/${job.id}` });
    expect(told.data[0]?.body).toContain('exited with code 3');
  }, 120_000);

  it('fails a job whose repository cannot be reached, saying so, before running anything', async () => {
    const gone = path.join(home.root, 'moved-away.git');
    const { bob, job } = await requested('sim.py', { remote: gone });
    const ran = await worker(bob.env, ['--yes']);
    expect(ran.code).toBe(1);
    const done = await bob.client.reproductions.get(job.id);
    expect(done).toMatchObject({ state: 'failed', result: null, diffRequest: null });
    expect(done.reason).toContain(`could not clone ${gone}`);
    expect(done.log).toContain('could not clone');
  }, 120_000);

  it('refuses to download an input through a link of the repository that leads outside the job directory', async () => {
    const outside = path.join(home.root, 'outside');
    const { bob, job } = await requested('sim.py', {
      input: 'data/params.json',
      prepare: (repo) => {
        // The committed tree holds `data` as a link out of the checkout; Alice's own run read through it.
        mkdirSync(outside);
        writeFileSync(path.join(outside, 'params.json'), JSON.stringify({ seed: 7, steps: 40, sleep: 4 }));
        symlinkSync(outside, path.join(repo, 'data'));
        git(repo, 'add', 'data');
        git(repo, 'commit', '-q', '-m', 'data lives elsewhere');
      },
    });
    writeFileSync(path.join(outside, 'params.json'), 'the worker must not write here');
    const ran = await worker(bob.env, ['--yes']);
    expect(ran.code).toBe(1);
    const done = await bob.client.reproductions.get(job.id);
    expect(done).toMatchObject({ state: 'failed', result: null });
    expect(done.reason).toContain('leads outside the job\'s directory through a link');
    expect(readFileSync(path.join(outside, 'params.json'), 'utf8')).toBe('the worker must not write here');
  }, 120_000);

  it('stops a run at the time limit and fails its job, saying so', async () => {
    const { bob, job } = await requested('slow.py');
    const ran = await worker(bob.env, ['--yes', '--time-limit', '1']);
    expect(ran.code).toBe(1);
    const done = await bob.client.reproductions.get(job.id);
    expect(done.state).toBe('failed');
    expect(done.reason).toContain('killed after the time limit of 1 s');
  }, 120_000);

  it('gives the job of a worker killed in the middle of it to another worker once its lease expires', async () => {
    const { bob, job } = await requested('slow.py');
    const first = spawn(process.execPath, [CLI, 'worker', '--once', '--yes', '--no-deps', '--lease-seconds', '2'], { env: bob.env, cwd: home.work, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    let taken: ReproductionJob | null = null;
    for (let i = 0; i < 100 && taken?.state !== 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      taken = await bob.client.reproductions.get(job.id);
    }
    expect(taken).toMatchObject({ state: 'running', attempts: 1 });
    // The whole process group: the worker and the program it started.
    process.kill(-(first.pid ?? 0), 'SIGKILL');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const second = await worker(bob.env, ['--yes', '--lease-seconds', '2']);
    expect(second.code).toBe(0);
    const done = await bob.client.reproductions.get(job.id);
    expect(done).toMatchObject({ state: 'finished', attempts: 2, cell: 'repeatable', proposition: 'repeated' });
    expect(done.worker).not.toBe(taken?.worker);
  }, 120_000);
});
