/**
 * A reviewer link's whole journey in real Chromium against the real stack: the owner of a private
 * project makes an anonymous link in the "Share with reviewers" dialog; a reviewer without an
 * account opens it, reads a record without seeing the owner's name, downloads nothing they should
 * not, compares two records; the owner revokes the link and the reviewer's next page is a 404.
 * Screenshots go to test-output/screenshots/.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { attachFiles, createRecord, pushContainer, pushProject, type Actor } from '@reprise/core';
import { useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type Stack } from './stack.js';

const db = useTestDatabase();
const OWNER = 'Ada Lovelace';

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

/** A private project with two runs whose outputs differ in one digit, pushed as a tool would through the core services. */
async function pushStudy(actor: Actor, email: string): Promise<string> {
  const deps = { models: db.models, blobs: db.blobs };
  const { project } = await pushProject(deps, actor, 'study', { description: 'Diffusion-limited aggregation, under review.' });
  await pushContainer(deps, actor, 'study', { system: 'docker', version: { vcs: 'git', commit: 'a'.repeat(40) } });
  for (const [label, output] of [
    ['run-1', 'dimension 1.7093\n'],
    ['run-2', 'dimension 1.7094\n'],
  ] as const) {
    await createRecord(deps, actor, 'study', {
      label,
      status: 'finished',
      program: { command: 'python', arguments: ['dla.py'] },
      parameters: { seed: 7 },
      system: { hostname: `${email}-laptop`, user: OWNER },
    });
    const blob = await db.blobs.write(Readable.from([Buffer.from(output)]));
    await attachFiles(deps, actor, 'study', label, [{ field: 'outputs', upload: { blob, mediaType: 'text/plain', originalName: 'out.txt' } }], undefined);
  }
  return project._id.toHexString();
}

describe('reviewer links, end to end', () => {
  it('shows a private project to a reviewer through an anonymous link, compares two of its records, and is a 404 once revoked', async () => {
    const owner = await openPage(browser);
    const email = `ada-${Date.now()}@example.org`;
    await owner.page.goto(`${stack.origin}/signup`);
    await owner.page.getByLabel('Name').fill(OWNER);
    await owner.page.getByLabel('Email').fill(email);
    await owner.page.getByLabel('Password').fill('correct horse battery staple');
    await owner.page.getByRole('button', { name: 'Create account' }).click();
    await owner.page.waitForURL(/\/account/);
    const user = await db.models.User.findOne({ email }).lean();
    if (!user) throw new Error('the account was not created');
    const projectId = await pushStudy({ id: user._id, name: user.name }, email);

    // The owner makes an anonymous link in the dialog on the private project's page.
    await owner.page.goto(`${stack.origin}/projects/${projectId}`);
    await owner.page.getByRole('button', { name: 'Share with reviewers' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Share with reviewers' });
    expect(await dialog.getByLabel('Hide my name and email').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    const url = await dialog.getByLabel('New reviewer link').inputValue();
    expect(url).toMatch(new RegExp(`^${stack.origin}/shared/rpl_[A-Za-z0-9_-]{43}$`));
    await dialog.locator('[data-link]').getByText('last used never').waitFor();
    await screenshot(owner.page, 'reviewer-link-dialog');

    // A reviewer without an account reads the project and a record, and never sees the owner's name.
    const reviewer = await openPage(browser);
    await reviewer.page.goto(url);
    await reviewer.page.getByRole('heading', { name: 'study' }).waitFor();
    await reviewer.page.locator('[data-record="run-1"]').waitFor();
    expect(await reviewer.page.locator('main').innerText()).not.toContain(OWNER);
    await screenshot(reviewer.page, 'reviewer-link-project');
    await reviewer.page.getByRole('link', { name: 'run-1' }).click();
    await reviewer.page.locator('[data-owner]').getByText('Anonymous').waitFor();
    const recordText = await reviewer.page.locator('main').innerText();
    expect(recordText).not.toContain(OWNER);
    expect(recordText.toLowerCase()).not.toContain(email.toLowerCase());
    expect(recordText).toContain('[hidden]-laptop');
    await screenshot(reviewer.page, 'reviewer-link-record');

    // The comparison works within the link.
    await reviewer.page.getByLabel('Record to compare with').selectOption({ label: 'run-2' });
    await reviewer.page.getByRole('button', { name: 'Compare' }).click();
    await reviewer.page.waitForURL(/\/shared\/rpl_[^/]+\/compare\//);
    await reviewer.page.getByText('out.txt').first().waitFor();
    // The line diff fetches both files through the link too.
    await reviewer.page.getByRole('button', { name: 'Show the text diff' }).click();
    await reviewer.page.locator('.diff-word').first().waitFor();
    expect(await reviewer.page.locator('main').innerText()).not.toContain(OWNER);
    await screenshot(reviewer.page, 'reviewer-link-compare');

    // The owner sees the link's last use, then revokes it: the reviewer's next page is a 404.
    await owner.page.reload();
    await owner.page.getByRole('button', { name: 'Share with reviewers' }).click();
    await expect.poll(async () => await dialog.locator('[data-link]').innerText()).not.toContain('last used never');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByText('No links yet.').waitFor();
    await reviewer.page.reload();
    await reviewer.page.getByText('404').waitFor();
    await reviewer.page.goto(url);
    await reviewer.page.getByRole('heading', { name: /does not exist, or it is private/ }).waitFor();
    await screenshot(reviewer.page, 'reviewer-link-revoked');
    expect(owner.problems.list).toEqual([]);
    expect(reviewer.problems.list).toEqual([]);
    await owner.context.close();
    await reviewer.context.close();
  }, 90_000);
});
