/**
 * End to end in real Chromium against the real stack (API, cloud, frontend server, embedded
 * database): two scientists sign up, get tokens, push records through the API (via the
 * dashboard's /api proxy, as the CLI would), browse, compare, propose, answer, and see the
 * tally change. Screenshots of the main pages go to test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { makeSif, useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type PageProblems, type Stack } from './stack.js';

// The tests tell one story in order, each building on what the previous one left.
const db = useTestDatabase({ keep: true });
const PASSWORD = 'correct horse battery staple';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

let stack: Stack;
let browser: Browser;

interface Person {
  name: string;
  email: string;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  token: string;
  tools: ApiClient;
}

const people: Record<'ada' | 'bob', Person | undefined> = { ada: undefined, bob: undefined };
const ids: { adaProject?: string; adaRecord?: string; bobRecord?: string; privateProject?: string; request?: string; sifProject?: string; sifRecord?: string; attachedRecord?: string } = {};

function person(key: 'ada' | 'bob'): Person {
  const found = people[key];
  if (!found) throw new Error(`${key} has not signed up yet (the tests of this file run in order)`);
  return found;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new Error(`${what} is not known yet (the tests of this file run in order)`);
  return value;
}

/** Signs up through the dashboard, then makes an API token on the account page. */
async function signUp(key: 'ada' | 'bob', name: string): Promise<Person> {
  const { context, page, problems } = await openPage(browser);
  const email = `${key}-${Date.now()}@example.org`;
  await page.goto(`${stack.origin}/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/account\?welcome=1$/);
  await page.getByRole('button', { name: 'Create a token' }).click();
  const token = (await page.getByTestId('new-token').textContent()) ?? '';
  expect(token).toMatch(/^rpr_/);
  // Tools reach the API through the dashboard's own address (/api is proxied).
  const created: Person = { name, email, context, page, problems, token, tools: new ApiClient({ url: stack.origin, token }) };
  people[key] = created;
  return created;
}

/**
 * What sticks out sideways on the current page: the document wider than the viewport, or any
 * visible element wider than the viewport or reaching past its right edge. Content inside a box
 * that scrolls or clips sideways (a code block, a wide table's wrapper) counts through that box.
 */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  // A string, as the test files are type-checked without the DOM's types.
  return (await page.evaluate(`(() => {
    const width = window.innerWidth;
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > width) found.push('the page scrolls sideways: scrollWidth ' + root.scrollWidth + ' px in a ' + width + ' px viewport');
    const clips = (element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if ((rect.width === 0 && rect.height === 0) || clips(element)) continue;
      // Text that overflows its box (a word too long for its line) shows in scrollWidth, not in the box.
      const own = getComputedStyle(element).overflowX === 'visible' ? Math.max(rect.width, element.scrollWidth) : rect.width;
      if (own > width + 0.5 || rect.left + own > width + 0.5) {
        const classes = typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
        found.push(element.tagName.toLowerCase() + classes + ' "' + (element.textContent || '').trim().slice(0, 40) + '" is ' + Math.round(own) + ' px wide and ends at ' + Math.round(rect.left + own) + ' px');
      }
    }
    return found.slice(0, 12);
  })()`)) as string[];
}

/** Opens every <details> so that what it hides is laid out and measured too. */
async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll('details').forEach((details) => { details.open = true; })`);
}

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the dashboard, end to end', () => {
  it('signs up, shows the API token once, and refuses a wrong password with the server’s message', async () => {
    const ada = await signUp('ada', 'Ada Lovelace');
    await expect.poll(() => ada.page.getByText('copy it now, it will not be shown again').isVisible()).toBe(true);
    await screenshot(ada.page, 'account');
    // Only the prefix remains after a reload.
    await ada.page.reload();
    await ada.page.getByText('Last used').waitFor();
    expect(await ada.page.getByTestId('new-token').count()).toBe(0);
    expect(await ada.page.locator('main').textContent()).toContain(`${ada.token.slice(0, 12)}…`);

    const { context, page } = await openPage(browser);
    await page.goto(`${stack.origin}/signin`);
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or the password is wrong.').waitFor();
    await screenshot(page, 'signin-error');
    await context.close();
    await signUp('bob', 'Bob Marley');
  });

  it('shows records pushed through the API: home, project page with its timeline and table, record page', async () => {
    const ada = person('ada');
    const bob = person('bob');
    const version = { vcs: 'git', commit: '3f2c1e0a9b8c7d6e5f4a', branch: 'main', repository: 'https://example.org/ada/dla.git', dirty: false };
    await ada.tools.projects.push('dla', { description: 'Diffusion-limited aggregation on a 2D lattice.', goals: 'Show that the fractal dimension converges to 1.71.', tags: ['fractal', 'monte-carlo'], private: false });
    await ada.tools.containers.push('dla', { system: 'docker', version: { ...version, commit: '1a2b3c4d5e6f' } }, { image: { name: 'dla-0.9.tar', data: new Blob([new Uint8Array(64 * 1024)]) } });
    await ada.tools.containers.push('dla', { system: 'docker', version }, { image: { name: 'dla-1.0.tar', data: new Blob([new Uint8Array(256 * 1024).fill(7)]), mediaType: 'application/x-tar' } });
    const run = await ada.tools.records.push('dla', {
      label: 'run-42',
      status: 'started',
      program: { command: 'python', arguments: ['dla.py', 'params.json', '--particles', '10000'] },
      parameters: { seed: 7, particles: 10000, lattice: { size: 512 } },
      dependencies: [
        { name: 'numpy', version: '2.1.3', manager: 'pip' },
        { name: 'scipy', version: '1.14.1', manager: 'pip' },
      ],
      system: { os: 'Linux 6.1', arch: 'x86_64', hostname: 'lab-7', cpu: 'AMD EPYC 7B13', memory: 34359738368 },
      reason: 'Check the dimension with more particles.',
      tags: ['baseline'],
    });
    ids.adaRecord = run.id;
    await ada.tools.files.push('dla', 'run-42', {
      inputs: [{ name: 'params.json', data: new Blob(['{"seed": 7}\n']), mediaType: 'application/json' }],
      outputs: [{ name: 'dimension.txt', data: new Blob(['particles 10000\ndimension 1.7093\nradius 212.4\n']), mediaType: 'text/plain' }],
    });
    await ada.tools.records.update('dla', 'run-42', { status: 'finished', duration: 75.5, outcome: 'Dimension 1.709 ± 0.004.', stdout: 'step 1000\nstep 2000\ndone\n' });
    for (const [label, status] of [
      ['run-43', 'crashed'],
      ['run-44', 'running'],
    ] as const) {
      await ada.tools.records.push('dla', { label, status, parameters: { seed: 8 }, stderr: status === 'crashed' ? 'MemoryError\n' : '' });
    }
    // Every text field a record page shows carries markup, in keys as well as values.
    await ada.tools.records.push('dla', {
      label: XSS,
      status: 'finished',
      reason: XSS,
      outcome: XSS,
      tags: [XSS],
      program: { command: XSS, arguments: [XSS] },
      parameters: { [XSS]: XSS, nested: { [XSS]: [XSS] } },
      dependencies: [{ name: XSS, version: XSS, manager: XSS, source: XSS }],
      system: { os: XSS, hostname: XSS },
      inputs: [{ name: 'x<img src=x onerror="window.__xss=1">.txt' }],
      stdout: XSS,
      stderr: XSS,
    });

    await bob.tools.projects.push('dla-again', { description: 'Repeating Ada’s aggregation runs on our cluster.', private: false });
    await bob.tools.containers.push('dla-again', { system: 'docker', version });
    const again = await bob.tools.records.push('dla-again', {
      label: 'again-1',
      status: 'finished',
      program: { command: 'python', arguments: ['dla.py', 'params.json', '--particles', '10000'] },
      parameters: { seed: 7, particles: 10000, lattice: { size: 512 } },
      dependencies: [
        { name: 'numpy', version: '2.1.3', manager: 'pip' },
        { name: 'scipy', version: '1.15.0', manager: 'pip' },
      ],
      system: { os: 'Linux 6.8', arch: 'x86_64', hostname: 'node-3', cpu: 'Intel Xeon', memory: 68719476736 },
    });
    ids.bobRecord = again.id;
    await bob.tools.files.push('dla-again', 'again-1', {
      inputs: [{ name: 'params.json', data: new Blob(['{"seed": 7}\n']), mediaType: 'application/json' }],
      outputs: [{ name: 'dimension.txt', data: new Blob(['particles 10000\ndimension 1.7095\nradius 212.4\n']), mediaType: 'text/plain' }],
    });

    const { page } = ada;
    await page.goto(stack.origin);
    await page.getByRole('heading', { name: 'Welcome back, Ada Lovelace' }).waitFor();
    await page.getByRole('link', { name: 'dla', exact: true }).first().waitFor();
    await screenshot(page, 'home-signed-in');
    await page.getByRole('link', { name: 'dla', exact: true }).first().click();
    await page.getByRole('heading', { name: /^dla/ }).waitFor();
    ids.adaProject = new URL(page.url()).pathname.split('/').pop();
    const table = page.getByTestId('records-table');
    await table.getByRole('link', { name: 'run-42' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    await expect.poll(() => table.locator('[data-status="crashed"]').count()).toBe(1);
    await screenshot(page, 'project');
    // Filter by status, then sort oldest first: the URL holds the state, back returns to it.
    await page.getByLabel('Status', { exact: true }).selectOption('finished');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await table.getByRole('button', { name: 'Created' }).click();
    await page.waitForURL(/order=asc/);
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('run-42');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('order=asc'));
    // The container history as a timeline.
    await page.getByRole('link', { name: /Container history/ }).click();
    await page.getByText('current').waitFor();
    expect(await page.locator('.timeline-item').count()).toBe(2);
    expect(await page.locator('.timeline').textContent()).toContain('256 KiB');
    await screenshot(page, 'project-containers');

    await page.goto(`${stack.origin}/records/${run.id}`);
    await page.getByRole('heading', { name: /run-42/ }).waitFor();
    const main = page.locator('main');
    for (const text of ['python dla.py params.json --particles 10000', 'dimension.txt', 'numpy', 'AMD EPYC 7B13', 'step 2000', 'reprise pull --project']) {
      await expect.poll(() => main.textContent()).toContain(text);
    }
    const download = page.getByRole('link', { name: 'Download' }).last();
    expect(await download.getAttribute('href')).toMatch(new RegExp(`^/cloud/v1/records/${run.id}/files/`));
    await screenshot(page, 'record');

    // The owner attaches a file to another record from its page, with progress, and sees it listed.
    await page.goto(`${stack.origin}/projects/${need(ids.adaProject, 'the project id')}`);
    await page.getByTestId('records-table').getByRole('link', { name: 'run-43' }).click();
    await page.getByRole('heading', { name: /run-43/ }).waitFor();
    ids.attachedRecord = new URL(page.url()).pathname.split('/').pop();
    await page.getByLabel('Files', { exact: true }).setInputFiles({ name: 'partial.csv', mimeType: 'text/csv', buffer: Buffer.alloc(3 * 1024 * 1024, 'x') });
    await page.getByRole('button', { name: /Upload 1 file \(3 MiB\)/ }).click();
    await page.getByText('1 file attached to the outputs.').waitFor();
    await page.getByRole('heading', { name: 'Outputs (1)' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('partial.csv');
    await screenshot(page, 'record-attached');
  });

  it('shows what a SIF image says about itself and the build recipe on the container timeline, and how to run it', async () => {
    const ada = person('ada');
    const definition = 'Bootstrap: docker\nFrom: python:3.12-slim\n\n%post\n    pip install numpy==2.1.3\n\n%labels\n    MAINTAINER Ada Lovelace\n';
    const labels = { MAINTAINER: 'Ada Lovelace', 'org.label-schema.build-date': 'Monday_05_January_2026_10:00:00_UTC', 'org.label-schema.usage.singularity.deffile.bootstrap': 'docker' };
    const sif = makeSif({
      objects: [
        { type: 0x4001, data: Buffer.from(definition) },
        { type: 0x4003, data: Buffer.from(JSON.stringify(labels)) },
        { type: 0x4004, name: 'rootfs', data: Buffer.alloc(8192, 3), partition: { fs: 1, type: 2, arch: '02' } },
      ],
    });
    const project = await ada.tools.projects.push('dla-sif', { description: 'The aggregation in an Apptainer image.', private: false });
    ids.sifProject = project.id;
    await ada.tools.containers.push('dla-sif', { system: 'singularity', recipe: { name: 'dla.def', text: definition } }, { image: { name: 'dla.sif', data: new Blob([new Uint8Array(sif)]) } });
    const record = await ada.tools.records.push('dla-sif', { label: 'sif-run', status: 'finished' });
    ids.sifRecord = record.id;

    const { page } = ada;
    await page.goto(`${stack.origin}/projects/${project.id}?tab=containers`);
    const timeline = page.locator('.timeline');
    await timeline.getByTestId('sif-metadata').waitFor();
    expect(await timeline.textContent()).toContain('SIF 01 · amd64');
    await timeline.getByText('Labels (3)').click();
    await timeline.getByText('Monday_05_January_2026_10:00:00_UTC').waitFor();
    await timeline.getByText('org.label-schema.usage.singularity.deffile.bootstrap').waitFor();
    await timeline.getByText('Build recipe (dla.def)').click();
    await expect.poll(() => timeline.getByTestId('container-recipe').locator('pre').textContent()).toBe(definition);
    await screenshot(page, 'project-containers-sif');

    await page.goto(`${stack.origin}/records/${record.id}`);
    await page.getByRole('heading', { name: /sif-run/ }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('singularity run image.sif');
    expect(await page.locator('main').textContent()).not.toContain('docker://');
  });

  it('shows user content as text, never as markup', async () => {
    const { page } = person('bob');
    await page.goto(`${stack.origin}/projects/${need(ids.adaProject, 'the project id')}`);
    const link = page.getByRole('link', { name: XSS });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: XSS }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    // The label, reason, outcome, tag, command, parameters, dependency, system and output streams, each shown as text.
    expect(text.split(XSS).length - 1).toBeGreaterThanOrEqual(9);
    expect(text).toContain('x<img src=x onerror="window.__xss=1">.txt');
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
  });

  it('compares two records side by side with a text diff, and proposes what the table allows', async () => {
    const bob = person('bob');
    const { page } = bob;
    await page.goto(`${stack.origin}/records/${need(ids.adaRecord, 'Ada’s record')}`);
    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'My records' }).click();
    await dialog.getByRole('button', { name: /again-1/ }).click();
    await page.waitForURL(new RegExp(`/compare/${need(ids.bobRecord, 'Bob’s record')}/${ids.adaRecord}$`));
    await page.locator('.verdict[data-cell="non-repeatable"]').waitFor();
    await page.getByRole('button', { name: 'Show the text diff' }).click();
    // A is Bob's record (1.7095), B is Ada's (1.7093).
    await page.locator('.diff-removed').getByText('1.7095').waitFor();
    await page.locator('.diff-added').getByText('1.7093').waitFor();
    expect(await page.locator('.diff-word').count()).toBeGreaterThan(0);
    // Default method: only "non-repeated" is offered, and the page says why.
    const form = page.getByRole('form', { name: 'Propose a diff request' });
    expect(await form.locator('input[name="proposition"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')))).toEqual(['non-repeated']);
    expect(await form.textContent()).toContain('table cell “non-repeatable”');
    await screenshot(page, 'compare');
    // A tolerance of one edit makes the outputs the same: repeatable, and "repeated" is offered.
    await page.getByLabel('Tolerance', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('.verdict[data-cell="repeatable"]').waitFor();
    await expect.poll(() => form.locator('input[name="proposition"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')))).toEqual(['repeated']);
    await form.getByLabel(/Description/).fill('Same seed on our cluster; the dimension differs in the 4th decimal only.');
    await form.getByRole('button', { name: /Propose “repeated”/ }).click();
    await page.waitForURL(/\/requests\/[0-9a-f]{24}$/);
    ids.request = new URL(page.url()).pathname.split('/').pop();
    await page.getByText('Waiting for Ada Lovelace to answer.').waitFor();
    await screenshot(page, 'request-sent');
    // Bob's record page shows the claim as pending, and no seal yet.
    await page.goto(`${stack.origin}/records/${ids.bobRecord}`);
    const claim = page.locator(`[data-verdict="${need(ids.request, 'the request id')}"]`);
    await claim.waitFor();
    expect(await claim.textContent()).toMatch(/Claimed: Repeats run-42.*proposed/);
    expect(await page.locator('[data-sealed-by]').count()).toBe(0);
  });

  it('lets the target owner agree from the inbox, and the tally changes', async () => {
    const { page } = person('ada');
    await page.goto(`${stack.origin}/projects/${need(ids.adaProject, 'the project id')}`);
    await expect.poll(() => page.locator('[data-proposition="repeated"] .tally-value').textContent(), { timeout: 15_000 }).toBe('0');
    // A fresh load: the home page and the menu show the request waiting for an answer.
    await page.goto(stack.origin);
    await page.getByLabel('1 waiting for your answer').waitFor();
    await page.getByRole('heading', { name: 'Waiting for your answer' }).waitFor();
    await page.getByRole('link', { name: /Requests/ }).click();
    await page.locator('.diff-row').first().waitFor();
    await screenshot(page, 'requests-inbox');
    await page.locator('.diff-row-link').first().click();
    await page.waitForURL(new RegExp(`/requests/${need(ids.request, 'the request id')}$`));
    await page.getByLabel(/Comment/).fill('Confirmed: same code, same inputs, within one edit.');
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Agree' }).click();
    await page.locator('.answer-agreed').waitFor();
    await screenshot(page, 'request-agreed');
    await page.goto(`${stack.origin}/projects/${ids.adaProject}`);
    await expect.poll(() => page.locator('[data-proposition="repeated"] .tally-value').textContent(), { timeout: 15_000 }).toBe('1');
    // The sender sees the answer in the outbox.
    const bob = person('bob');
    await bob.page.goto(`${stack.origin}/requests?box=outbox&status=agreed`);
    await bob.page.locator('.diff-row').first().waitFor();
  });

  it('shows both records of the agreed verdict as sealed by it, each page linking to the other record', async () => {
    const { page } = person('ada');
    const bob = person('bob');
    const request = need(ids.request, 'the request id');
    for (const [who, record, other, phrase] of [
      [page, need(ids.adaRecord, 'Ada’s record'), need(ids.bobRecord, 'Bob’s record'), 'Repeated by again-1'],
      [bob.page, need(ids.bobRecord, 'Bob’s record'), need(ids.adaRecord, 'Ada’s record'), 'Repeats run-42'],
    ] as const) {
      await who.goto(`${stack.origin}/records/${record}`);
      const seal = who.locator(`[data-sealed-by="${request}"]`);
      await seal.waitFor();
      expect(await seal.textContent()).toContain('Sealed by the agreed verdict “repeated”');
      expect(await seal.getByRole('link').getAttribute('href')).toBe(`/requests/${request}`);
      const verdict = who.locator(`[data-verdict="${request}"]`);
      expect(await verdict.textContent()).toMatch(new RegExp(`^${phrase}`));
      expect(await verdict.getByRole('link').first().getAttribute('href')).toBe(`/records/${other}`);
      // The owner may still edit annotations, but neither delete the record nor attach files to it.
      await who.getByRole('button', { name: 'Edit' }).waitFor();
      expect(await who.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    }
    await screenshot(page, 'record-sealed');
  });

  it('keeps a private project invisible: its URL is a 404 for another user and for visitors', async () => {
    const ada = person('ada');
    const secret = await ada.tools.projects.push('secret-plans', { description: 'Nobody else may see this.' });
    ids.privateProject = secret.id;
    await ada.page.goto(`${stack.origin}/projects/${secret.id}`);
    await ada.page.getByRole('heading', { name: /secret-plans/ }).waitFor();
    const { page } = person('bob');
    await page.goto(`${stack.origin}/projects/${secret.id}`);
    await page.getByRole('heading', { name: 'This project does not exist, or it is private' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Nobody else may see this.');
    const visitor = await openPage(browser);
    await visitor.page.goto(`${stack.origin}/projects/${secret.id}`);
    await visitor.page.getByRole('heading', { name: 'This project does not exist, or it is private' }).waitFor();
    await visitor.context.close();
  });

  it('starts a project page’s first requests with the document and answers the table from them, each asked once, for the owner of a private project too', async () => {
    const ada = person('ada');
    const secret = need(ids.privateProject, 'the private project');
    await ada.tools.records.push('secret-plans', { label: 'hidden-1', status: 'finished' });
    // A new page with Ada's session: nothing of the page in memory yet.
    const page = await ada.context.newPage();
    const wanted = [`${stack.origin}/cloud/v1/projects/${secret}`, `${stack.origin}/cloud/v1/projects/${secret}/records?sort=created&order=desc&limit=25`];
    const requested: string[] = [];
    page.on('request', (request) => {
      if (wanted.includes(request.url())) requested.push(request.url());
    });
    await page.goto(`${stack.origin}/projects/${secret}`);
    await page.getByTestId('records-table').getByRole('link', { name: 'hidden-1' }).waitFor();
    await page.getByRole('heading', { name: /secret-plans/ }).waitFor();
    expect(requested.sort()).toEqual([...wanted].sort());
    // Started by the Link header of the document ('link'), not by the app's script once it ran ('fetch').
    const initiators = await page.evaluate(`${JSON.stringify(wanted)}.map((url) => performance.getEntriesByName(url).map((entry) => entry.initiatorType).join())`);
    expect(initiators).toEqual(['link', 'link']);
    await page.close();
  });

  it('works at phone width, with working deep links', async () => {
    const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(stack.origin);
    await page.getByRole('heading', { name: /Every run recorded/ }).waitFor();
    await screenshot(page, 'phone-home');
    await page.goto(`${stack.origin}/projects/${need(ids.adaProject, 'the project id')}`);
    await page.getByTestId('records-table').getByRole('link', { name: 'run-42' }).waitFor();
    await screenshot(page, 'phone-project');
    await page.goto(`${stack.origin}/compare/${need(ids.bobRecord, 'Bob’s record')}/${need(ids.adaRecord, 'Ada’s record')}?tolerance=1`);
    await page.locator('.verdict[data-cell="repeatable"]').waitFor();
    await screenshot(page, 'phone-compare');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Explore' }).click();
    await page.waitForURL(/\/explore$/);
    await page.getByRole('link', { name: 'dla-again' }).waitFor();
    await screenshot(page, 'phone-explore');
    expect(problems.list, problems.list.join('\n')).toEqual([]);
    await context.close();
  });

  it('lays out every page without sideways overflow at 1280 px and on a 390 px phone', async () => {
    const ada = person('ada');
    const project = need(ids.adaProject, 'the project id');
    // Names as long as the rules allow, without a place to break, where layouts give way first.
    const longName = `aggregation-${'x'.repeat(70)}-lattice-2d-v2`.slice(0, 100);
    const long = await ada.tools.projects.push(longName, { description: `See ${'https://example.org/'.padEnd(160, 'a')}`, tags: ['t'.repeat(60)], private: false });
    await ada.tools.containers.push(longName, { system: 'docker', image: { reference: `registry.example.org/${'ns/'.repeat(20)}image:1.0`, digest: `sha256:${'cd'.repeat(32)}` } });
    const longRecord = await ada.tools.records.push(longName, { label: `run-${'9'.repeat(90)}`, status: 'finished', tags: ['u'.repeat(60)], system: { memory: 137438953472 } });
    await ada.tools.files.push(longName, longRecord.id, { outputs: [{ name: `${'result_'.repeat(14)}final.csv`, data: new Blob(['a,b\n1,2\n']) }] });

    // The check finds what it looks for.
    await ada.page.goto(`${stack.origin}/explore`);
    await ada.page.locator('main h1').first().waitFor();
    await ada.page.evaluate(`document.querySelector('main').appendChild(Object.assign(document.createElement('div'), { style: 'width: 2000px; height: 1px' }))`);
    expect((await sidewaysOverflow(ada.page)).length).toBeGreaterThan(0);

    const signedIn = [
      '/',
      '/explore',
      '/account',
      '/projects',
      '/projects/new',
      `/projects/${project}`,
      `/projects/${project}?tab=containers`,
      `/projects/${project}/edit`,
      `/projects/${project}/records/new`,
      `/projects/${need(ids.sifProject, 'the SIF project')}?tab=containers`,
      `/records/${need(ids.adaRecord, 'Ada’s record')}`,
      `/records/${need(ids.attachedRecord, 'the record with an attached file')}`,
      `/records/${need(ids.sifRecord, 'the SIF record')}`,
      `/compare/${need(ids.bobRecord, 'Bob’s record')}/${ids.adaRecord}`,
      '/requests',
      `/requests/${need(ids.request, 'the request id')}`,
      `/projects/${long.id}`,
      `/projects/${long.id}?tab=containers`,
      `/records/${longRecord.id}`,
      '/no/such/page',
    ];
    const visitor = await openPage(browser);
    const found: string[] = [];
    for (const width of [1280, 390]) {
      for (const [page, paths] of [
        [ada.page, signedIn],
        [visitor.page, ['/', '/explore', '/signin', '/signup', `/projects/${project}`, `/records/${ids.adaRecord}`, `/projects/${long.id}`]],
      ] as const) {
        await page.setViewportSize({ width, height: 844 });
        for (const path of paths) {
          await page.goto(`${stack.origin}${path}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
          await openAllDetails(page);
          for (const problem of await sidewaysOverflow(page)) found.push(`${width} px ${page === ada.page ? 'signed in' : 'visitor'} ${path}: ${problem}`);
        }
      }
    }
    await ada.page.setViewportSize({ width: 1280, height: 860 });
    await visitor.context.close();
    expect(found, found.join('\n')).toEqual([]);
  }, 300_000);

  it('keeps file names whole and the Download button on screen on a phone, and shows memory in binary units when comparing', async () => {
    const ada = person('ada');
    const { page } = ada;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${stack.origin}/records/${need(ids.adaRecord, 'Ada’s record')}`);
      await page.getByRole('heading', { name: /run-42/ }).waitFor();
      for (const name of ['params.json', 'dimension.txt']) {
        // One line: the name is not broken in the middle.
        const lines = (await page.evaluate(`(() => {
          const cell = Array.from(document.querySelectorAll('main td')).find((td) => td.firstChild && td.firstChild.nodeType === Node.TEXT_NODE && td.firstChild.textContent === ${JSON.stringify(name)});
          if (!cell) return 0;
          const range = document.createRange();
          range.selectNodeContents(cell.firstChild);
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
        })()`)) as number;
        expect(lines, `${name} is laid out on ${lines} lines`).toBe(1);
      }
      for (const link of await page.getByRole('link', { name: 'Download' }).all()) {
        const box = await link.boundingBox();
        expect(box, 'a Download button is not laid out').not.toBeNull();
        if (box) expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      await screenshot(page, 'phone-record');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }

    await page.goto(`${stack.origin}/compare/${need(ids.bobRecord, 'Bob’s record')}/${ids.adaRecord}`);
    const system = page.locator('.evidence-section').filter({ hasText: 'System' });
    await system.locator('td').first().waitFor();
    const text = (await system.textContent()) ?? '';
    expect(text).toContain('64 GiB');
    expect(text).toContain('32 GiB');
    expect(text).not.toContain('34359738368');
  });

  it('reported no script errors and no Content-Security-Policy violations on any page', () => {
    for (const key of ['ada', 'bob'] as const) expect(person(key).problems.list, `${key}'s page reported:\n${person(key).problems.list.join('\n')}`).toEqual([]);
  });
});
