/**
 * A reproduction end to end in real Chromium against the real stack: Ada records a simulation
 * with `reprise run` in her public project; Bob presses "Reproduce" on its page, a real
 * `reprise worker` of his runs it, and the jobs page follows the job live to its verdict, linked
 * to the new record and to the diff request filed toward Ada's. Screenshots go to test-output/.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type Stack } from './stack.js';

const db = useTestDatabase();
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'sdk', 'dist', 'cli.js');
let stack: Stack;
let browser: Browser;
let home = '';

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
  home = mkdtempSync(path.join(tmpdir(), 'reprise-e2e-repro-'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the built `reprise` CLI with a token, its config and queue under the test's home. */
function reprise(token: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: path.join(home, token.slice(0, 12), 'config'), XDG_DATA_HOME: path.join(home, token.slice(0, 12), 'data'), REPRISE_URL: stack.apiUrl, REPRISE_TOKEN: token };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=ada@example.org', '-c', 'user.name=Ada', '-c', 'init.defaultBranch=main', ...args], { cwd });
}

describe('a reproduction in the dashboard', () => {
  it('goes from the Reproduce button to a queued job, followed live by the jobs page, to its verdict and the request filed toward the original', async () => {
    const ada = await makeUser(db.models, { name: 'Ada Lovelace' });
    const adaTools = new ApiClient({ url: stack.apiUrl, token: ada.token });
    const lab = await adaTools.projects.push('lab', { private: false, description: 'Seeded random walks' });
    const repo = path.join(home, 'lab');
    execFileSync('mkdir', ['-p', repo]);
    writeFileSync(
      path.join(repo, 'sim.py'),
      'import json, sys, os\np = json.load(open(sys.argv[1]))\nx = p["seed"]\nos.makedirs("out", exist_ok=True)\nwith open("out/walk.csv", "w") as f:\n    for step in range(p["steps"]):\n        x = (x * 1103515245 + 12345) % 2147483648\n        f.write(f"{step},{x}\\n")\nprint("walked", p["steps"], "steps")\n',
    );
    writeFileSync(path.join(repo, 'params.json'), JSON.stringify({ seed: 3, steps: 25 }));
    writeFileSync(path.join(repo, '.gitignore'), 'out/\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'walk');
    git(repo, 'remote', 'add', 'origin', repo);
    const recorded = await reprise(ada.token, ['run', '--json', '--no-deps', '--project', 'lab', '--label', 'walk-1', '--input', 'params.json', '--', 'python3', 'sim.py', 'params.json'], repo);
    expect(recorded.code).toBe(0);
    const original = await adaTools.records.display('lab', 'walk-1');

    // Bob signs up in the dashboard and makes his API token there, as anyone would.
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${stack.origin}/signup`);
    await page.getByLabel('Name').fill('Bob Marley');
    await page.getByLabel('Email').fill(`bob-${Date.now()}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/account\?welcome=1$/);
    await page.getByRole('button', { name: 'Create a token' }).click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    const reruns = await new ApiClient({ url: stack.apiUrl, token }).projects.push('reruns');

    await page.goto(`${stack.origin}/records/${original.id}`);
    await page.getByRole('button', { name: 'Reproduce' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reproduce walk-1' });
    await expect.poll(() => dialog.getByLabel('Into your project').inputValue()).toBe(reruns.id);
    await screenshot(page, 'reproduce-dialog');
    await dialog.getByRole('button', { name: 'Queue the reproduction' }).click();
    await page.waitForURL(/\/reproductions\/[0-9a-f]{24}$/);
    const jobId = page.url().split('/').at(-1) ?? '';
    await page.getByText('Waiting for one of your workers').waitFor();
    await screenshot(page, 'reproduction-queued');

    // Bob's worker, on his token, runs it; the open page follows the job without a reload.
    const ran = await reprise(token, ['worker', '--once', '--allow-project', lab.id], home);
    expect(ran.stderr).toContain('command: python3 sim.py params.json');
    expect(ran.code).toBe(0);
    const main = page.locator('main');
    await main.getByText('repeatable', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await main.textContent()).toContain('walked 25 steps');
    await screenshot(page, 'reproduction-finished');

    const job = await db.models.Job.findById(jobId).lean();
    expect(job).toMatchObject({ state: 'finished', cell: 'repeatable', proposition: 'repeated' });
    // The new record links back to the job that made it; the job links to the request filed toward Ada's record.
    await main.getByRole('link', { name: job?.resultLabel ?? '' }).click();
    await page.waitForURL(new RegExp(`/records/${job?.result?.toHexString() ?? ''}$`));
    await page.getByRole('link', { name: 'Made by a reproduction' }).click();
    await page.waitForURL(new RegExp(`/reproductions/${jobId}$`));
    await main.getByRole('link', { name: 'repeated' }).click();
    await page.waitForURL(new RegExp(`/requests/${job?.diffRequest?.toHexString() ?? ''}$`));
    await page.getByText('walk-1').first().waitFor();
    await screenshot(page, 'reproduction-request');

    await page.goto(`${stack.origin}/reproductions`);
    await page.locator('main').getByRole('link', { name: 'walk-1' }).waitFor();
    await screenshot(page, 'reproductions');
    expect(problems.list).toEqual([]);
    await context.close();
  }, 150_000);
});
