import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { SpecValidator } from '@reprise/core';
import { useCloud } from './test/harness.js';

const cloud = useCloud();
const spec = SpecValidator.load();
const operations = spec.operationIds.map((id) => ({ id, ...spec.describe(id) })).filter((op) => op.path.startsWith('/cloud/v1/'));

describe('the cloud service implements openapi.yaml', () => {
  it('documents every path the design requires of the cloud service', () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    for (const required of [
      'POST /cloud/v1/auth/register',
      'POST /cloud/v1/auth/login',
      'POST /cloud/v1/auth/logout',
      'GET /cloud/v1/auth/me',
      'POST /cloud/v1/account/token',
      'DELETE /cloud/v1/account/token',
      'GET /cloud/v1/public/projects',
      'GET /cloud/v1/records/{a}/compare/{b}',
      'POST /cloud/v1/diffs',
      'GET /cloud/v1/diffs',
      'POST /cloud/v1/diffs/{id}/answer',
      'GET /cloud/v1/projects/{id}/reproducibility',
    ]) {
      expect(documented, required).toContain(required);
    }
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s has a route', async (_name, op) => {
    const { browser } = await cloud.signUp();
    const url = op.path.replace(/\{[^}]+\}/g, (match) => (match === '{file}' ? 'out.txt' : new Types.ObjectId().toHexString()));
    const method = op.method.toLowerCase();
    const res =
      method === 'get'
        ? await browser.get(url)
        : method === 'delete'
          ? await browser.delete(url)
          : method === 'patch'
            ? await browser.patch(url, {})
            : await browser.post(url, {});
    expect(res.body?.error?.code, JSON.stringify(res.body)).not.toBe('route_not_found');
    expect(res.status).not.toBe(405);
    expect(res.status).toBeLessThan(500);
  });
});
