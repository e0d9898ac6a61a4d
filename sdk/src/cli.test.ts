import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, useApiServer, useCliHome, type CliHome } from './test/harness.js';

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
  });
});
