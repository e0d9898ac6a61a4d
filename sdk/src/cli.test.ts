import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInTerminal, ensureBuilt, useApiServer, useCliHome, type CliHome } from './test/harness.js';

const server = useApiServer();
const home = useCliHome();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

beforeAll(() => {
  ensureBuilt();
}, 120_000);

/** A user whose token is in the environment, as after `reprise login`. */
async function loggedIn(extra: Record<string, string> = {}) {
  const { token } = await server.user();
  return { token, env: home.env({ REPRISE_URL: server.url, REPRISE_TOKEN: token, ...extra }) };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ada@example.org', '-c', 'user.name=Ada', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

const SIMULATION = `
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
const params = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let x = params.seed;
const rows = ['step,value'];
for (let step = 0; step < params.steps; step += 1) {
  x = (x * 1103515245 + 12345) % 2147483648;
  rows.push(step + ',' + x);
}
mkdirSync('out', { recursive: true });
writeFileSync('out/data.csv', rows.join('\\n') + '\\n');
console.log('simulated ' + params.steps + ' steps');
`;

function simulationRepo(work: CliHome['work']) {
  writeFileSync(path.join(work, 'sim.mjs'), SIMULATION);
  writeFileSync(path.join(work, 'params.json'), JSON.stringify({ seed: 7, steps: 50 }));
  git(work, 'init', '-q');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'simulation');
}

describe('reprise CLI: the paper workflow', () => {
  it('pushes a project and a container with its image, records a simulation run, displays it and pulls the image back byte-identical', async () => {
    const { env } = await loggedIn();
    const work = home.work;
    simulationRepo(work);
    const commit = git(work, 'rev-parse', 'HEAD').trim();

    const project = await cli(['project', 'push', 'dla', '--description', 'Diffusion-limited aggregation', '--tag', 'fractal', '--public', '--json'], { env, cwd: work });
    expect(project.code).toBe(0);
    expect(JSON.parse(project.stdout)).toMatchObject({ name: 'dla', private: false, tags: ['fractal'] });

    const image = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(path.join(home.root, 'image.tar'), image);
    // A change not committed yet: the container records the tree as dirty with the diff's digest.
    writeFileSync(path.join(work, 'sim.mjs'), `${SIMULATION}\n// tuned\n`);
    const diff = sha256(git(work, 'diff', 'HEAD', '--no-color', '--no-ext-diff', '--binary'));
    const container = await cli(['container', 'push', '--project', 'dla', '--system', 'docker', '--image', path.join(home.root, 'image.tar'), '--json'], { env, cwd: work });
    expect(container.stderr).toBe('');
    expect(container.code).toBe(0);
    const pushed = JSON.parse(container.stdout);
    expect(pushed).toMatchObject({
      system: 'docker',
      position: 0,
      version: { vcs: 'git', commit, branch: 'main', dirty: true, diff },
      image: { sha256: sha256(image), size: image.length, name: 'image.tar' },
    });

    const run = await cli(['run', '--project', 'dla', '--input', 'params.json', '--tag', 'baseline', '--json', '--', process.execPath, 'sim.mjs', 'params.json'], { env, cwd: work });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ project: 'dla', status: 'finished', exitCode: 0, delivered: true, pending: 0, inputs: ['params.json'], outputs: ['out/data.csv'] });
    // With --json the command's own stdout goes to stderr.
    expect(run.stderr).toContain('simulated 50 steps');

    const shown = await cli(['show', '--project', 'dla', summary.label, '--json'], { env, cwd: work });
    expect(shown.code).toBe(0);
    const record = JSON.parse(shown.stdout);
    const data = readFileSync(path.join(work, 'out', 'data.csv'));
    expect(record).toMatchObject({
      label: summary.label,
      status: 'finished',
      container: pushed.id,
      parameters: { seed: 7, steps: 50 },
      tags: ['baseline'],
      program: { command: process.execPath, arguments: ['sim.mjs', 'params.json'], entryPoint: 'sim.mjs', versionControl: { commit, dirty: true, diff } },
      inputs: [{ name: 'params.json', path: 'params.json', sha256: sha256(readFileSync(path.join(work, 'params.json'))), file: expect.any(String) }],
      outputs: [{ name: 'data.csv', path: 'out/data.csv', sha256: sha256(data), size: data.length, mediaType: 'text/csv', file: expect.any(String) }],
      stdout: 'simulated 50 steps\n',
      custom: { exitCode: 0, signal: null },
    });
    expect(record.statusHistory.map((change: { status: string }) => change.status)).toEqual(['started', 'running', 'finished']);
    expect(record.duration).toBeGreaterThan(0);
    expect(record.system).toMatchObject({ os: expect.any(String), arch: expect.any(String), cpu: { count: expect.any(Number) }, memory: expect.any(Number), runtimes: { node: process.versions.node } });

    const listed = await cli(['records', '--project', 'dla'], { env, cwd: work });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(summary.label);
    expect(listed.stdout).toContain('finished');

    const pulled = await cli(['pull', '--project', 'dla', summary.label, '--output', path.join(home.root, 'pulled.tar'), '--json'], { env, cwd: work });
    expect(pulled.code).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ size: image.length, sha256: sha256(image) });
    expect(readFileSync(path.join(home.root, 'pulled.tar')).equals(image)).toBe(true);

    const output = await cli(['pull', '--project', 'dla', summary.label, '--file', 'data.csv', '--output', '-'], { env, cwd: work });
    expect(output.stdout).toBe(data.toString('utf8'));
  }, 60_000);
});

describe('reprise run', () => {
  it('records a crashing command as crashed with its stderr, and exits with its exit code', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    const script = "console.log('step 1'); console.error('boom: negative density at step 2'); process.exit(3)";
    const run = await cli(['run', '--project', 'sim', '--label', 'crash-1', '--', process.execPath, '-e', script], { env, cwd: home.work });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('step 1\n');
    expect(run.stderr).toContain('boom: negative density at step 2');
    const record = await server.db.models.Record.findOne({ label: 'crash-1' }).lean();
    expect(record?.status).toBe('crashed');
    expect(record?.stderr).toContain('boom: negative density at step 2');
    expect(record?.stdout).toBe('step 1\n');
    expect(record?.outcome).toBe('exited with code 3');
    expect(record?.statusHistory.map((change) => change.status)).toEqual(['started', 'running', 'crashed']);
  });

  it('records the metrics the command writes to --metrics FILE and those given with --metric, and refuses a metric that is not a number', async () => {
    const { env, token } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    const script = "require('fs').writeFileSync('metrics.json', JSON.stringify({ error: 0.001, train: { loss: 1.5 }, note: 'fine' }))";
    const run = await cli(['run', '--project', 'sim', '--label', 'with-metrics', '--metrics', 'metrics.json', '--metric', 'steps=400', '--', process.execPath, '-e', script], { env, cwd: home.work });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('not numbers were left out: note');
    const shown = await fetch(`${server.url}/api/v1/record/display/sim/with-metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await shown.json()) as { metrics: unknown }).metrics).toEqual({ error: 0.001, 'train.loss': 1.5, steps: 400 });
    const refused = await cli(['run', '--project', 'sim', '--metric', 'error=small', '--', process.execPath, '-e', ''], { env, cwd: home.work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--metric takes name=number');
  });

  it('records a command that cannot start as crashed and exits 127', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    const run = await cli(['run', '--project', 'sim', '--label', 'missing', '--', 'no-such-program-here'], { env, cwd: home.work });
    expect(run.code).toBe(127);
    const record = await server.db.models.Record.findOne({ label: 'missing' }).lean();
    expect(record?.status).toBe('crashed');
    expect(record?.stderr).toContain('cannot run no-such-program-here');
  });

  it('keeps the record when the server goes away during the run, and delivers it exactly once with `reprise sync`', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    const script = "setTimeout(() => { require('fs').writeFileSync('result.txt', 'done'); console.log('finished'); }, 2500)";
    const running = cli(['run', '--project', 'sim', '--label', 'outage', '--heartbeat', '0.3', '--wait', '1', '--json', '--', process.execPath, '-e', script], { env, cwd: home.work });
    await expect.poll(async () => (await server.db.models.Record.findOne({ label: 'outage' }).lean())?.status, { timeout: 10_000, interval: 100 }).toBe('running');
    await server.stop();
    const run = await running;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ label: 'outage', status: 'finished', delivered: false });
    expect(run.stderr).toMatch(/queued .*reprise sync/);
    expect((await server.db.models.Record.findOne({ label: 'outage' }).lean())?.status).toBe('running');

    await server.start();
    const synced = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ pending: [], failed: [] });
    const records = await server.db.models.Record.find({ label: 'outage' }).lean();
    expect(records).toHaveLength(1);
    expect(records[0]?.status).toBe('finished');
    expect(records[0]?.stdout).toBe('finished\n');
    expect(records[0]?.outputs.map((output) => output.name)).toEqual(['result.txt']);
    expect(records[0]?.outputs[0]?.file).not.toBeNull();
    expect(records[0]?.statusHistory.map((change) => change.status)).toEqual(['started', 'running', 'finished']);
    const again = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(JSON.parse(again.stdout)).toMatchObject({ delivered: 0 });
  });

  it('refuses to run for a project that does not exist, saying how to create it, and exits 1 with nothing recorded or queued; --create-project creates it first', async () => {
    const { env } = await loggedIn();
    const run = await cli(['run', '--project', 'no-such-proj', '--', process.execPath, '-e', "require('fs').writeFileSync('ran', '')"], { env, cwd: home.work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Project "no-such-proj" does not exist');
    expect(run.stderr).toContain('reprise project push no-such-proj');
    expect(run.stderr).not.toContain('recorded');
    expect(existsSync(path.join(home.work, 'ran'))).toBe(false);
    expect(await server.db.models.Record.countDocuments()).toBe(0);
    expect(await server.db.models.Project.countDocuments({ name: 'no-such-proj' })).toBe(0);
    const synced = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ delivered: 0, pending: [], failed: [] });
    const created = await cli(['run', '--project', 'no-such-proj', '--create-project', '--no-deps', '--json', '--', process.execPath, '-e', "require('fs').writeFileSync('ran', '')"], {
      env,
      cwd: home.work,
    });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ project: 'no-such-proj', status: 'finished', delivered: true });
    expect(existsSync(path.join(home.work, 'ran'))).toBe(true);
    expect(await server.db.models.Project.findOne({ name: 'no-such-proj' }).lean()).toMatchObject({ private: true });
  });

  it('refuses a label the project already has before running the command, and changes nothing on the server', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    const first = await cli(['run', '--project', 'sim', '--label', 'baseline', '--no-deps', '--', process.execPath, '-e', "console.log('original')"], { env, cwd: home.work });
    expect(first.code).toBe(0);
    const before = await server.db.models.Record.findOne({ label: 'baseline' }).lean();
    const again = await cli(['run', '--project', 'sim', '--label', 'baseline', '--', process.execPath, '-e', "require('fs').writeFileSync('ran', ''); console.log('second')"], {
      env,
      cwd: home.work,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has a record labelled "baseline"');
    expect(again.stderr).not.toContain('recorded');
    expect(existsSync(path.join(home.work, 'ran'))).toBe(false);
    expect(await server.db.models.Record.find({ label: 'baseline' }).lean()).toEqual([before]);
    const synced = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ pending: [], failed: [] });
  }, 60_000);

  it('never turns a run queued offline into an update of the record holding its label: `reprise sync` reports the refusal and exits 1', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    await cli(['run', '--project', 'sim', '--label', 'baseline', '--no-deps', '--', process.execPath, '-e', "console.log('original')"], { env, cwd: home.work });
    const before = await server.db.models.Record.findOne({ label: 'baseline' }).lean();
    await server.stop();
    try {
      const offline = await cli(['run', '--project', 'sim', '--label', 'baseline', '--no-deps', '--wait', '0', '--', process.execPath, '-e', "console.log('second')"], { env, cwd: home.work });
      expect(offline.code).toBe(0);
      expect(offline.stderr).toMatch(/queued .*reprise sync/);
    } finally {
      await server.start();
    }
    const synced = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(synced.code).toBe(1);
    const report = JSON.parse(synced.stdout) as { pending: unknown[]; failed: Array<{ operation: string; error: { code: string } }> };
    expect(report.pending).toEqual([]);
    expect(report.failed[0]).toMatchObject({ operation: 'createRecord', error: { code: 'label_taken' } });
    expect(report.failed.slice(1).map((entry) => entry.error.code)).toEqual(report.failed.slice(1).map(() => 'record_not_created'));
    expect(report.failed.length).toBeGreaterThan(1);
    expect(await server.db.models.Record.find({ label: 'baseline' }).lean()).toEqual([before]);
    const human = await cli(['sync'], { env, cwd: home.work });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/failed: createRecord sim\/baseline: .*already has a record labelled "baseline"/);
    const cleared = await cli(['sync', '--clear-failed', '--json'], { env, cwd: home.work });
    expect(cleared.code).toBe(0);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ failed: [] });
  }, 60_000);

  it('records the dependencies of a run shorter than the dependency probe in the same record, and leaves nothing failed in the queue', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env, cwd: home.work });
    // An npm project: `npm ls` takes longer than the run itself.
    writeFileSync(path.join(home.work, 'package.json'), JSON.stringify({ name: 'sim', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }));
    mkdirSync(path.join(home.work, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(path.join(home.work, 'node_modules', 'left-pad', 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.3.0' }));
    const run = await cli(['run', '--project', 'sim', '--label', 'quick', '--json', '--', process.execPath, '-e', '0'], { env, cwd: home.work });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'finished', delivered: true, pending: 0, failed: [] });
    const record = await server.db.models.Record.findOne({ label: 'quick' }).lean();
    expect(record?.status).toBe('finished');
    expect(record?.dependencies).toEqual([expect.objectContaining({ name: 'left-pad', version: '1.3.0', manager: 'npm' })]);
    const synced = await cli(['sync', '--json'], { env, cwd: home.work });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ pending: [], failed: [] });
  }, 90_000);

  it("credits a run to the project's container built from the commit checked out here, in the same repository, and to none otherwise", async () => {
    const { env } = await loggedIn();
    const work = home.work;
    simulationRepo(work);
    const first = git(work, 'rev-parse', 'HEAD').trim();
    git(work, 'remote', 'add', 'origin', 'https://example.org/lab/dla.git');
    await cli(['project', 'push', 'dla'], { env, cwd: work });
    const push = async (system: string) => JSON.parse((await cli(['container', 'push', '--project', 'dla', '--system', system, '--json'], { env, cwd: work })).stdout).id as string;
    const docker = await push('docker');
    writeFileSync(path.join(work, 'notes.txt'), 'v2\n');
    git(work, 'add', '.');
    git(work, 'commit', '-q', '-m', 'v2');
    const singularity = await push('singularity');
    const run = async (...extra: string[]) => {
      const result = await cli(['run', '--project', 'dla', '--no-deps', ...extra, '--json', '--', process.execPath, '-e', '0'], { env, cwd: work });
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout) as { label: string; container: string | null };
      const record = await server.db.models.Record.findOne({ label: summary.label }).lean();
      expect(record?.container?.toString() ?? null).toBe(summary.container);
      return summary.container;
    };

    // The same repository by another of its URLs.
    git(work, 'remote', 'set-url', 'origin', 'git@example.org:lab/dla.git');
    git(work, 'checkout', '-q', first);
    expect(await run()).toBe(docker);
    // A laptop commit no container was built from: no container, not the project's latest one.
    git(work, 'checkout', '-q', 'main');
    writeFileSync(path.join(work, 'notes.txt'), 'laptop\n');
    git(work, 'commit', '-q', '-am', 'laptop');
    const laptop = await cli(['run', '--project', 'dla', '--no-deps', '--label', 'laptop', '--', process.execPath, '-e', '0'], { env, cwd: work });
    expect(laptop.code).toBe(0);
    expect(laptop.stderr).toContain('recorded dla/laptop: finished');
    expect(laptop.stderr).toContain(', no container.');
    expect((await server.db.models.Record.findOne({ label: 'laptop' }).lean())?.container).toBeNull();
    expect(await run('--container', singularity)).toBe(singularity);
    // The same commit in another repository is another program.
    git(work, 'checkout', '-q', first);
    git(work, 'remote', 'set-url', 'origin', 'git@example.org:other/dla.git');
    expect(await run()).toBeNull();
  }, 120_000);
});

describe('reprise exit codes and output', () => {
  it('exits 2 for usage errors', async () => {
    const { env } = await loggedIn();
    expect((await cli([], { env })).code).toBe(2);
    expect((await cli(['frobnicate'], { env })).code).toBe(2);
    expect((await cli(['records', '--bogus'], { env })).code).toBe(2);
    expect((await cli(['project'], { env })).code).toBe(2);
    const noSeparator = await cli(['run', '--project', 'sim', 'python', 'x.py'], { env });
    expect(noSeparator.code).toBe(2);
    expect(noSeparator.stderr).toContain('after --');
    const noProject = await cli(['show', 'r1', '--json'], { env });
    expect(noProject.code).toBe(2);
    expect(JSON.parse(noProject.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('--project'), exitCode: 2 } });
  });

  it('exits 3 without a token or with a wrong one, before running anything', async () => {
    const none = await cli(['records'], { env: home.env({ REPRISE_URL: server.url }) });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('reprise login');
    const wrong = await cli(['records', '--json'], { env: home.env({ REPRISE_URL: server.url, REPRISE_TOKEN: 'rpr_wrong' }) });
    expect(wrong.code).toBe(3);
    expect(JSON.parse(wrong.stdout).error).toMatchObject({ code: 'unauthorized', status: 401, exitCode: 3 });
    const run = await cli(['run', '--project', 'sim', '--', process.execPath, '-e', "require('fs').writeFileSync('ran', '')"], { env: home.env({ REPRISE_URL: server.url }), cwd: home.work });
    expect(run.code).toBe(3);
    expect(existsSync(path.join(home.work, 'ran'))).toBe(false);
  });

  it('exits 1 with the API error code when the server refuses a request', async () => {
    const { env } = await loggedIn();
    const res = await cli(['show', '--project', 'nope', 'r1', '--json'], { env });
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual({ error: { code: 'not_found', status: 404, exitCode: 1, message: expect.stringContaining('nope') } });
  });

  it('exits 4 when the server is unreachable for a read, and 75 when a write is queued; sync delivers it', async () => {
    const { token } = await server.user();
    const away = home.env({ REPRISE_URL: 'http://127.0.0.1:9', REPRISE_TOKEN: token });
    expect((await cli(['records'], { env: away })).code).toBe(4);
    const queued = await cli(['project', 'push', 'later', '--description', 'pushed offline', '--json'], { env: away });
    expect(queued.code).toBe(75);
    expect(JSON.parse(queued.stdout)).toMatchObject({ queued: true, id: expect.any(String) });
    const back = home.env({ REPRISE_URL: server.url, REPRISE_TOKEN: token });
    const synced = await cli(['sync', '--json'], { env: back });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ delivered: 1, pending: [], failed: [] });
    expect(await server.db.models.Project.findOne({ name: 'later' }).lean()).toMatchObject({ description: 'pushed offline' });
  });

  it('prints JSON lists for scripts', async () => {
    const { env } = await loggedIn();
    await cli(['project', 'push', 'sim'], { env });
    for (const label of ['a', 'b', 'c']) await cli(['run', '--project', 'sim', '--label', label, '--no-deps', '--', process.execPath, '-e', '0'], { env, cwd: home.work });
    const res = await cli(['records', '--project', 'sim', '--limit', '2', '--json'], { env });
    expect(res.code).toBe(0);
    const list = JSON.parse(res.stdout);
    expect(list.data.map((record: { label: string }) => record.label)).toEqual(['c', 'b']);
    expect(list.next).toEqual(expect.any(String));
    const all = JSON.parse((await cli(['records', '--project', 'sim', '--all', '--json'], { env })).stdout);
    expect(all.data).toHaveLength(3);
    expect(all.next).toBeNull();
  });

  it('answers --help for every command', async () => {
    const env = home.env();
    const overview = await cli(['--help'], { env });
    expect(overview.code).toBe(0);
    const commands = [...overview.stdout.matchAll(/^ {2}([a-z]+(?: [a-z]+)?) {2,}/gm)].map((match) => match[1] ?? '');
    expect(commands).toEqual(expect.arrayContaining(['login', 'project push', 'container push', 'run', 'records', 'show', 'pull', 'sync']));
    for (const command of commands) {
      const help = await cli([...command.split(' '), '--help'], { env });
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: reprise ${command}`);
    }
  });
});

describe('reprise login', () => {
  it('takes an API URL given with /api/v1 at its end, and tells a URL that is no Reprise API from a wrong token', async () => {
    const { token } = await server.user();
    const suffixed = await cli(['login', '--url', `${server.url}/api/v1/`, '--token', token], { env: home.env() });
    expect(suffixed.stderr).toBe('');
    expect(suffixed.code).toBe(0);
    expect(JSON.parse(readFileSync(home.configFile, 'utf8'))).toEqual({ url: server.url, token });

    const elsewhere = await cli(['login', '--url', `${server.url}/reprise`, '--token', token], { env: home.env() });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain(`${server.url}/reprise is not a Reprise API`);
    expect(elsewhere.stderr).not.toContain('token');
    const nobody = await cli(['login', '--url', 'http://127.0.0.1:9', '--token', token], { env: home.env() });
    expect(nobody.code).toBe(4);
    expect(nobody.stderr).toContain('Cannot reach http://127.0.0.1:9');
    expect(nobody.stderr).not.toContain('token');
    const wrong = await cli(['login', '--url', server.url, '--token', 'rpr_not_a_token'], { env: home.env() });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('token');
    expect(JSON.parse(readFileSync(home.configFile, 'utf8'))).toEqual({ url: server.url, token });
  });

  it('checks the token and stores it in a config file only its owner can read', async () => {
    const { token } = await server.user();
    const res = await cli(['login', '--url', server.url, '--token', token, '--json'], { env: home.env() });
    expect(res.code).toBe(0);
    expect(statSync(home.configFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(home.configFile)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(home.configFile, 'utf8'))).toEqual({ url: server.url, token });
    const records = await cli(['records'], { env: home.env() });
    expect(records.code).toBe(0);
  });

  it('reads the token from stdin when it is not a terminal, and refuses a wrong one without writing it', async () => {
    const { token } = await server.user();
    const wrong = await cli(['login', '--url', server.url], { env: home.env(), input: 'rpr_not_a_token\n' });
    expect(wrong.code).toBe(3);
    expect(existsSync(home.configFile)).toBe(false);
    const right = await cli(['login', '--url', server.url], { env: home.env(), input: `${token}\n` });
    expect(right.code).toBe(0);
    expect(JSON.parse(readFileSync(home.configFile, 'utf8')).token).toBe(token);
    const out = await cli(['logout'], { env: home.env() });
    expect(out.code).toBe(0);
    expect(JSON.parse(readFileSync(home.configFile, 'utf8'))).toEqual({ url: server.url });
    expect(statSync(home.configFile).mode & 0o777).toBe(0o600);
  });

  it('asks for the token at a terminal without echoing it, checks it and stores it', async () => {
    const { token } = await server.user();
    const res = await cliInTerminal(['login', '--url', server.url], { env: home.env(), prompt: 'API token (from your account page):', keys: `${token}\r` });
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain(`Logged in to ${server.url}`);
    expect(res.output).not.toContain(token);
    expect(JSON.parse(readFileSync(home.configFile, 'utf8'))).toEqual({ url: server.url, token });
  });

  it('stops at Ctrl-C in the token prompt and at input that ends before a token, exiting 2 with nothing written', async () => {
    const cancelled = await cliInTerminal(['login', '--url', server.url], { env: home.env(), prompt: 'API token', keys: 'rpr_half\u0003' });
    expect(cancelled.code).toBe(2);
    expect(cancelled.output).toContain('reprise: Cancelled.');
    const ended = await cliInTerminal(['login', '--url', server.url], { env: home.env(), prompt: 'API token', keys: '\u0004' });
    expect(ended.code).toBe(2);
    expect(ended.output).toContain('reprise: No token given.');
    const empty = await cli(['login', '--url', server.url], { env: home.env(), input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('reprise: No token given.\n');
    expect(existsSync(home.configFile)).toBe(false);
  });
});
