/**
 * The records table as a worksheet, end to end in real Chromium against the real stack: a
 * scientist's public heat-equation project with runs that differ in parameters and metrics;
 * a visitor chooses columns, filters with `where` (completing a path), sorts by a column,
 * exports the CSV of what is shown, and plots a parameter against a metric. A screenshot of the
 * worksheet with its scatter goes to test-output/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type Stack } from './stack.js';

const db = useTestDatabase({ keep: true });
let stack: Stack;
let browser: Browser;
let projectId = '';
let recordId = '';

const CFLS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55];

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
  const { token } = await makeUser(db.models, { name: 'Ada Lovelace' });
  const tools = new ApiClient({ url: stack.origin, token });
  projectId = (await tools.projects.push('heat', { private: false })).id;
  for (const [index, cfl] of CFLS.entries()) {
    const record = await tools.records.push('heat', {
      label: `run-${index + 1}`,
      status: 'finished',
      parameters: { cfl, scheme: index % 2 === 0 ? 'crank' : 'euler', grid: 64 },
      metrics: { error: Number((cfl * cfl * 0.01).toFixed(6)), steps: 400 },
    });
    if (index === 0) recordId = record.id;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the worksheet, end to end', () => {
  it('asks for the columns once, after the records have answered, when the project answers last', async () => {
    const { context, page } = await openPage(browser);
    // Slow answers, in this order: the records, the project (the table shows before it), the columns.
    const delayed = (url: string, ms: number) =>
      page.route(url, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        await route.continue();
      });
    await delayed(`${stack.origin}/cloud/v1/projects/${projectId}/records?*`, 1000);
    await delayed(`${stack.origin}/cloud/v1/projects/${projectId}`, 3000);
    await delayed(`${stack.origin}/cloud/v1/projects/${projectId}/paths`, 3000);
    const paths: string[] = [];
    let recordsAnswered = false;
    page.on('request', (request) => {
      if (request.url().endsWith(`/projects/${projectId}/paths`)) paths.push(recordsAnswered ? 'after the records' : 'before the records');
    });
    page.on('response', (response) => {
      if (response.url().includes(`/projects/${projectId}/records?`)) recordsAnswered = true;
    });
    await page.goto(`${stack.origin}/projects/${projectId}`);
    await page.getByTestId('records-table').getByRole('link', { name: 'run-6' }).waitFor();
    await page.getByRole('heading', { name: /^heat/ }).waitFor();
    await page.getByText('Columns', { exact: true }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Columns' }).locator('.columns-menu-item').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The table is mounted once: the project's arrival does not build it again, which would cancel the columns' request and send it anew.
    expect(paths).toEqual(['after the records']);
    await context.close();
  });

  it('chooses columns, filters with a completed where, sorts by a column, exports that CSV and plots a parameter against a metric', async () => {
    const { context, page, problems } = await openPage(browser);
    const plotting: string[] = [];
    page.on('request', (request) => {
      if (/scatter-plot/.test(request.url())) plotting.push(request.url());
    });
    await page.goto(`${stack.origin}/projects/${projectId}`);
    await page.getByTestId('records-table').getByRole('link', { name: 'run-6' }).waitFor();

    // Columns: the paths that vary come first and are marked; the grid size, the same everywhere, is not.
    await page.getByText('Columns', { exact: true }).click();
    const menu = page.getByRole('group', { name: 'Columns' });
    await expect.poll(() => menu.locator('.columns-menu-item').first().textContent()).toContain('varies');
    expect(await menu.locator('.columns-menu-item', { hasText: 'parameters.grid' }).textContent()).toContain('same in all');
    // Each choice goes through the URL, so the box shows it once the page has read it back.
    for (const path of ['parameters.cfl', 'metrics.error']) {
      const box = menu.locator('.columns-menu-item', { hasText: path }).locator('input');
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await page.getByText('Columns (2)').click();
    await page.waitForURL(/cols=parameters\.cfl%2Cmetrics\.error/);
    const table = page.getByTestId('records-table');
    await table.locator('th[data-path="metrics.error"]').waitFor();
    await expect.poll(() => table.locator('tbody td[data-path="parameters.cfl"]').allTextContents()).toEqual(['0.55', '0.5', '0.45', '0.4', '0.35', '0.3']);

    // Where: a malformed text is refused where it goes wrong, before anything is asked.
    const where = page.getByLabel('Where');
    await where.fill('parameters.cfl ~ 1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('At position 15: unknown operator "~"');
    // Typing part of a path offers the paths that contain it; Tab completes the first.
    await where.fill('');
    await where.pressSequentially('cf');
    await page.getByRole('listbox', { name: 'Paths' }).getByRole('option', { name: 'parameters.cfl' }).waitFor();
    await where.press('Tab');
    expect(await where.inputValue()).toBe('parameters.cfl ');
    await where.pressSequentially('< 0.45 and metrics.error > 0');
    await where.press('Enter');
    await page.waitForURL(/where=parameters\.cfl/);
    await expect.poll(() => table.locator('tbody td[data-path="parameters.cfl"]').allTextContents()).toEqual(['0.4', '0.35', '0.3']);

    // Sorting by a column: ascending, then descending.
    await table.locator('th[data-path="metrics.error"]').getByRole('button').click();
    await page.waitForURL(/sort=metrics\.error/);
    await expect.poll(() => table.locator('tbody td[data-path="parameters.cfl"]').allTextContents()).toEqual(['0.3', '0.35', '0.4']);
    await table.locator('th[data-path="metrics.error"]').getByRole('button').click();
    await page.waitForURL(/sort=-metrics\.error/);
    await expect.poll(() => table.locator('tbody td[data-path="parameters.cfl"]').allTextContents()).toEqual(['0.4', '0.35', '0.3']);
    expect(await table.locator('th[data-path="metrics.error"]').getAttribute('aria-sort')).toBe('descending');

    // The CSV is what the table shows: the same records in the same order, with the chosen columns.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('label,status,created,parameters.cfl,metrics.error');
    expect(lines.slice(1).map((line) => line.split(',').filter((_, index) => index !== 2))).toEqual([
      ['run-3', 'finished', '0.4', '0.0016'],
      ['run-2', 'finished', '0.35', '0.001225'],
      ['run-1', 'finished', '0.3', '0.0009'],
    ]);

    // The scatter: uPlot is fetched only once something is plotted.
    expect(plotting).toEqual([]);
    await page.getByLabel('Scatter x').selectOption('parameters.cfl');
    await page.getByLabel('Scatter y').selectOption('metrics.error');
    await page.getByTestId('scatter-plot').locator('canvas').first().waitFor();
    expect(await page.getByTestId('scatter-count').textContent()).toContain('3 records with both values');
    expect(await page.getByTestId('scatter-plot').getAttribute('data-points')).toBe('3');
    expect(plotting.length).toBeGreaterThan(0);
    await screenshot(page, 'worksheet-scatter');

    // The whole worksheet is in the URL: a reload shows the same.
    await page.reload();
    await expect.poll(() => page.getByTestId('records-table').locator('tbody td[data-path="parameters.cfl"]').allTextContents()).toEqual(['0.4', '0.35', '0.3']);
    await page.getByTestId('scatter-plot').locator('canvas').first().waitFor();

    // A record's metrics on its page.
    await page.goto(`${stack.origin}/records/${recordId}`);
    const metrics = page.getByTestId('record-metrics');
    await metrics.waitFor();
    expect(await metrics.locator('tr').allTextContents()).toEqual(['error0.0009', 'steps400']);
    expect(problems.list).toEqual([]);
    await context.close();
  }, 120_000);
});
