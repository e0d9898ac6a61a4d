/**
 * Export and citation in real Chromium against the real stack: a record's permanent link opens
 * its page with a Cite box (BibTeX with that link, the note on sealed records) and an Export menu
 * whose RO-Crate download is a zip holding ro-crate-metadata.json; the permanent link of a private
 * record, and a mistyped one, say the record is private or deleted.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type Stack } from './stack.js';

const db = useTestDatabase({ keep: true });
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('export and citation in the dashboard', () => {
  it('opens a record by its permanent link with a Cite box and an RO-Crate download; a private or unknown link says it is private or deleted', async () => {
    const { token } = await makeUser(db.models, { name: 'Ada Lovelace' });
    const tools = new ApiClient({ url: stack.origin, token });
    await tools.projects.push('engine', { private: false });
    const record = await tools.records.push('engine', { label: 'bernoulli', status: 'finished', parameters: { n: 8 } });
    await tools.files.push('engine', 'bernoulli', { outputs: [{ name: 'numbers.txt', data: new Blob(['1 -1/2 1/6\n']) }] });
    await tools.projects.push('notes', {});
    const hidden = await tools.records.push('notes', { label: 'draft' });

    const { context, page, problems } = await openPage(browser);
    const link = `${stack.origin}/r/${record.id}`;
    await page.goto(link);
    await page.getByRole('heading', { name: /bernoulli/ }).waitFor();
    const cite = page.locator('#cite');
    await cite.getByText('@misc{reprise_record_').waitFor();
    expect(await cite.textContent()).toContain(`url = {${link}}`);
    expect(await cite.locator('[data-sealed="false"]').textContent()).toContain('Sealed records (those of an agreed verdict) are the ones worth citing');
    await screenshot(page, 'record-cite');

    await page.locator('[data-export="record"] summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="record"] a[data-format="ro-crate"]').click()]);
    expect(download.suggestedFilename()).toBe('engine-bernoulli.crate.zip');
    const zip = readFileSync((await download.path()) ?? '');
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.toString('latin1')).toContain('ro-crate-metadata.json');
    expect(zip.toString('latin1')).toContain('outputs/numbers.txt');

    for (const unavailable of [hidden.id, 'not-a-record']) {
      await page.goto(`${stack.origin}/r/${unavailable}`);
      await page.getByRole('heading', { name: 'This record is private or has been deleted' }).waitFor();
    }
    await page.goto(`${stack.origin}/projects/${record.project}`);
    const projectExport = await page.locator('[data-export="project"] a[data-format="prov"]').getAttribute('href');
    const prov = await page.request.get(`${stack.origin}${projectExport ?? ''}`);
    expect(prov.status()).toBe(200);
    expect(JSON.stringify(await prov.json())).toContain('bernoulli');
    expect(problems.list).toEqual([]);
    await context.close();
  }, 90_000);
});
