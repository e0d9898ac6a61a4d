/**
 * End to end in real Chromium: a scientist looks at a record's files (a table, JSON, images, text,
 * a binary and a malformed file) and compares two runs whose numeric outputs differ in the last
 * digits: different at rtol 0, the same within rtol and atol, with the proposal that allows, plots
 * of A and B, and what changed in words. Screenshots go to test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type PageProblems, type Stack } from './stack.js';

const db = useTestDatabase({ keep: true });
const PASSWORD = 'correct horse battery staple';
const COMMIT = '3f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

let stack: Stack;
let browser: Browser;

interface Person {
  page: Page;
  problems: PageProblems;
  tools: ApiClient;
  requests: string[];
}

const people: Partial<Record<'ada' | 'bob', Person>> = {};
const ids: { previews?: string; adaRun?: string; bobRun?: string } = {};

function person(key: 'ada' | 'bob'): Person {
  const found = people[key];
  if (!found) throw new Error(`${key} has not signed up yet (the tests of this file run in order)`);
  return found;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new Error(`${what} is not known yet (the tests of this file run in order)`);
  return value;
}

async function signUp(key: 'ada' | 'bob', name: string): Promise<Person> {
  const { page, problems } = await openPage(browser);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${stack.origin}/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`${key}-numeric-${Date.now()}@example.org`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/account\?welcome=1$/);
  await page.getByRole('button', { name: 'Create a token' }).click();
  const token = (await page.getByTestId('new-token').textContent()) ?? '';
  const created: Person = { page, problems, tools: new ApiClient({ url: stack.origin, token }), requests };
  people[key] = created;
  return created;
}

/** A heat-equation profile printed with `digits` decimals: runs printing 9 and 10 differ by rounding only. */
function profile(digits: number): string {
  return `x,T\n${Array.from({ length: 120 }, (_, i) => `${(i / 120).toFixed(4)},${(300 * Math.exp(-i / 40) * Math.cos(i / 6)).toFixed(digits)}`).join('\n')}\n`;
}

// A 2×1 PNG (one blue, one red pixel).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGNgYPjPwMDAAAAGBwEA7bBm/gAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#2563eb"/><script>window.__svg = 1</script></svg>';

const blob = (content: string | Buffer) => new Blob([content]);

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('numbers, previews and plots, end to end', () => {
  it('previews a table, JSON as a tree, images (SVG only as an image, its script never run), numbered text, and says why a binary or malformed file has none', async () => {
    const ada = await signUp('ada', 'Ada Heat');
    await signUp('bob', 'Bob Heat');
    await ada.tools.projects.push('heat', { description: 'The heat equation, explicit scheme.', private: false });
    const previews = await ada.tools.records.push('heat', { label: 'previews', status: 'finished' });
    ids.previews = previews.id;
    await ada.tools.files.push('heat', 'previews', {
      outputs: [
        { name: 'profile.csv', data: blob(profile(9)), mediaType: 'text/csv' },
        { name: 'summary.json', data: blob('{"solver": {"cfl": 0.45, "scheme": "ftcs"}, "energy": [12.5, 12.25], "converged": true}'), mediaType: 'application/json' },
        { name: 'field.png', data: blob(PNG), mediaType: 'image/png' },
        { name: 'diagram.svg', data: blob(SVG), mediaType: 'image/svg+xml' },
        { name: 'run.log', data: blob('step 1 energy 12.5\nstep 2 energy 12.25\ndone\n'), mediaType: 'text/plain' },
        { name: 'state.bin', data: blob(Buffer.from([0, 1, 2, 3, 0, 255])), mediaType: 'application/octet-stream' },
        { name: 'broken.json', data: blob('{"cfl": 0.45,'), mediaType: 'application/json' },
      ],
    });

    const { page } = ada;
    await page.goto(`${stack.origin}/records/${previews.id}`);
    const open = async (name: string) => {
      const item = page.locator('details.preview').filter({ hasText: name });
      await item.locator('summary').click();
      return item;
    };
    const table = await open('profile.csv');
    await table.locator('th').filter({ hasText: 'T' }).waitFor();
    expect(await table.locator('.column-type').allTextContents()).toEqual(['number', 'number']);
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await table.textContent()).toContain('CSV · with a header · the first 50 rows');

    const json = await open('summary.json');
    await json.locator('.json-key').filter({ hasText: 'cfl' }).waitFor();
    expect(await json.locator('.json-number').first().textContent()).toBe('0.45');
    // Objects collapse and open again.
    await json.locator('.json-toggle').first().click();
    await json.getByText('3 keys').waitFor();
    await json.locator('.json-toggle').first().click();
    await json.locator('.json-key').filter({ hasText: 'scheme' }).waitFor();

    const png = await open('field.png');
    await expect.poll(() => png.locator('img').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
    const svg = await open('diagram.svg');
    await expect.poll(() => svg.locator('img').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
    expect(await page.locator('details.preview svg').count()).toBe(0);
    expect(await page.evaluate('window.__svg')).toBeUndefined();

    const log = await open('run.log');
    await log.locator('.line-number').nth(2).waitFor();
    expect(await log.locator('.line-number').allTextContents()).toEqual(['1', '2', '3']);
    expect(await log.locator('.line-text').nth(1).textContent()).toBe('step 2 energy 12.25');

    const binary = await open('state.bin');
    await binary.getByText(/binary file/).waitFor();
    const broken = await open('broken.json');
    await broken.getByText(/Not valid JSON/).waitFor();
    expect(await broken.locator('.line-text').first().textContent()).toBe('{"cfl": 0.45,');
    // Nothing on this page plots, so the plotting library was never fetched.
    expect(ada.requests.filter((url) => url.includes('numeric-plot'))).toEqual([]);
    await screenshot(page, 'numeric-previews');
    expect(ada.problems.list).toEqual([]);
  });

  it('compares numeric outputs: different at rtol 0, the same within rtol and atol with "repeated" proposed, plots of A and B and what changed in words', async () => {
    const ada = person('ada');
    const bob = person('bob');
    const program = { command: 'python', arguments: ['heat.py'], versionControl: { vcs: 'git', commit: COMMIT, dirty: false } };
    const run = await ada.tools.records.push('heat', { label: 'run-1', status: 'finished', program, parameters: { cfl: 0.45 } });
    await ada.tools.files.push('heat', 'run-1', {
      outputs: [
        { name: 'profile.csv', data: blob(profile(9)), mediaType: 'text/csv' },
        { name: 'summary.json', data: blob('{"energy": 12.5, "steps": 400}'), mediaType: 'application/json' },
      ],
    });
    await bob.tools.projects.push('heat-again', { description: 'Ada’s solver on our cluster.', private: false });
    const rerun = await bob.tools.records.push('heat-again', { label: 'rerun-1', status: 'finished', program, parameters: { cfl: 0.45 } });
    await bob.tools.files.push('heat-again', 'rerun-1', {
      outputs: [
        { name: 'profile.csv', data: blob(profile(10)), mediaType: 'text/csv' },
        { name: 'summary.json', data: blob('{"energy": 12.5000000001, "steps": 400}'), mediaType: 'application/json' },
      ],
    });
    ids.adaRun = run.id;
    ids.bobRun = rerun.id;

    const { page } = bob;
    await page.goto(`${stack.origin}/compare/${need(ids.bobRun, 'Bob’s run')}/${need(ids.adaRun, 'Ada’s run')}`);
    await page.locator('.verdict[data-cell="non-repeatable"]').waitFor();
    const changed = page.getByRole('region', { name: 'What changed' });
    expect(await changed.textContent()).toContain('summary.json changed: /energy 12.5000000001 → 12.5');
    expect(await changed.textContent()).toMatch(/profile\.csv changed: \d+ of 240 values differ: row \d+, T /);
    const csv = page.locator('.output-pair').filter({ hasText: 'profile.csv' });
    expect(await csv.locator('.numeric-summary').textContent()).toMatch(/240 values compared as numbers \(CSV, A 120 × 2, B 120 × 2\): \d+ differ beyond rtol 0 and atol 0/);
    const form = page.getByRole('form', { name: 'Propose a diff request' });
    const offered = () => form.locator('input[name="proposition"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')));
    expect(await offered()).toEqual(['non-repeated']);

    // Beyond the tolerance: still different.
    await page.getByLabel('rtol').fill('1e-15');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/rtol=1e-15/);
    await page.locator('.verdict[data-cell="non-repeatable"]').waitFor();
    expect(await offered()).toEqual(['non-repeated']);

    // Within it: the same, repeatable, and "repeated" is what the table allows.
    await page.getByLabel('rtol').fill('1e-6');
    await page.getByLabel('atol').fill('1e-9');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('.verdict[data-cell="repeatable"]').waitFor();
    await expect.poll(offered).toEqual(['repeated']);
    expect(await csv.locator('.numeric-summary').textContent()).toContain('none differs beyond rtol 0.000001 and atol 1e-9');
    expect(await form.textContent()).toContain('carries rtol 0.000001 and atol 1e-9');
    await screenshot(page, 'numeric-compare');

    // The plots load the plotting library only now.
    expect(bob.requests.filter((url) => url.includes('numeric-plot'))).toEqual([]);
    await csv.getByRole('button', { name: 'Plot A and B' }).click();
    await csv.locator('.plot canvas').nth(1).waitFor();
    expect(await csv.getByRole('img').evaluateAll((plots) => plots.map((plot) => plot.getAttribute('aria-label')))).toEqual(['T: A and B over x', 'T: B − A over x']);
    expect(bob.requests.filter((url) => url.includes('numeric-plot')).length).toBeGreaterThan(0);
    await screenshot(page, 'numeric-plots');

    await form.getByRole('button', { name: /Propose “repeated”/ }).click();
    await page.waitForURL(/\/requests\/[0-9a-f]{24}$/);
    await page.getByText('rtol 0.000001, atol 1e-9 for tables of numbers and JSON').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const stored = await db.models.DiffRequest.findById(id).lean();
    expect(stored).toMatchObject({ rtol: 1e-6, atol: 1e-9, cell: 'repeatable', proposition: 'repeated' });
    expect(bob.problems.list).toEqual([]);
  });
});
