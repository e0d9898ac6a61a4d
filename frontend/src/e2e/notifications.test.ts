/**
 * Notifications end to end in real Chromium against the real stack: a diff request sent through
 * the SDK shows in the receiver's header count and notifications page, opening it leads to the
 * request and marks it read; the account page adds a webhook (refusing a local address), and an
 * unsubscribe link that is not the server's says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiClient } from '@reprise/sdk';
import { createNodeCloudClient } from '@reprise/sdk/node';
import { useTestDatabase } from '@reprise/tools/testing';
import { launchChromium, openPage, screenshot, startStack, type Stack } from './stack.js';

const db = useTestDatabase({ keep: true });
const PASSWORD = 'correct horse battery staple';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack(db);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
});

/** An account made through the dashboard's /cloud proxy, with an API client on a new token. */
async function person(name: string) {
  const client = createNodeCloudClient({ url: stack.origin });
  const email = `${name.toLowerCase()}-${Date.now()}@example.org`;
  await client.auth.register({ email, password: PASSWORD, name });
  const { token } = await client.account.renewToken();
  return { client, email, tools: new ApiClient({ url: stack.origin, token }) };
}

describe('notifications in the dashboard', () => {
  it('counts a request received in the header, lists it, opens it and marks it read; webhooks and unsubscribe on their pages', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    await ada.tools.projects.push('dla', { private: false });
    const original = await ada.tools.records.push('dla', { label: 'run-1', status: 'finished', parameters: { seed: 1 }, program: { versionControl: { vcs: 'git', commit: 'a'.repeat(40), dirty: false } } });
    await bob.tools.projects.push('again');
    const again = await bob.tools.records.push('again', { label: 'again-1', status: 'finished', parameters: { seed: 1 }, program: { versionControl: { vcs: 'git', commit: 'b'.repeat(40), dirty: false } } });
    const comparison = await bob.client.records.compare(again.id, original.id);
    const proposition = comparison.propositions.visual[0];
    if (!proposition) throw new Error('the table allows no proposition for this pair');
    const request = await bob.client.diffs.create({ from: again.id, toward: original.id, method: 'visual', description: 'The plots match.', proposition });

    const { context, page, problems } = await openPage(browser);
    await page.goto(`${stack.origin}/signin`);
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('unread-count').getByText('1').waitFor();
    await page.getByRole('link', { name: /^Notifications/ }).click();
    const item = page.getByTestId('notification');
    await item.getByText('Bob sent you a diff request').waitFor();
    expect(await item.textContent()).toContain(`"run-1" was ${proposition}`);
    await screenshot(page, 'notifications');
    await item.getByRole('link', { name: 'Bob sent you a diff request' }).click();
    await page.waitForURL(`${stack.origin}/requests/${request.id}`);
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    expect(await ada.client.notifications.unread()).toBe(0);

    await page.goto(`${stack.origin}/account`);
    await page.getByLabel('Payload URL').fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText(/private, loopback or link-local network/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Someone sends you a diff request' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'A request to you is withdrawn' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await ada.client.notifications.settings()).emailOptOut).toEqual(['request.withdrawn']);

    await page.goto(`${stack.origin}/unsubscribe?token=not-a-token`);
    await page.getByText('This unsubscribe link is not valid').waitFor();
    expect(problems.list).toEqual([]);
    await context.close();
  }, 60_000);
});
