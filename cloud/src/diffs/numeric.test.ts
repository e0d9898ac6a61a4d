import { describe, expect, it } from 'vitest';
import { useCloud, type SignedIn } from '../test/harness.js';
import { makeProject, makeRecord } from '../test/factories.js';

const cloud = useCloud();

const COMMIT = '3f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

/** A heat-equation profile printed with `digits` decimals: runs printing 9 and 10 differ by rounding only. */
function profile(digits: number): string {
  return `x,T\n${Array.from({ length: 200 }, (_, i) => `${(i / 200).toFixed(3)},${(300 * Math.exp(-i / 50) * Math.sin(i + 1)).toFixed(digits)}`).join('\n')}\n`;
}

/** Two runs of the same commit on the same parameters, by different users, whose outputs differ in the last digits. */
async function numericPair(): Promise<{ sender: SignedIn; from: string; toward: string }> {
  const target = await cloud.signUp('Heat Owner');
  const sender = await cloud.signUp('Heat Sender');
  await makeProject(cloud.db, target, 'heat', { private: false });
  await makeProject(cloud.db, sender, 'heat-rerun');
  const run = { program: { command: 'python', arguments: ['heat.py'], versionControl: { vcs: 'git', commit: COMMIT, dirty: false } }, parameters: { cfl: 0.45 }, status: 'finished' as const };
  const toward = await makeRecord(cloud.db, target, 'heat', { label: 'run-1', ...run }, { outputs: { 'profile.csv': profile(9), 'summary.json': '{"energy": 12.5, "steps": 400}' } });
  const from = await makeRecord(cloud.db, sender, 'heat-rerun', { label: 'rerun-1', ...run }, { outputs: { 'profile.csv': profile(10), 'summary.json': '{"energy": 12.5000000001, "steps": 400}' } });
  return { sender, from: from._id.toHexString(), toward: toward._id.toHexString() };
}

describe('numeric outputs in the cloud compare and diff requests', () => {
  it('compares with rtol and atol: different at 0, the same within them, with the values compared and where they differ most', async () => {
    const { sender, from, toward } = await numericPair();
    const strict = await sender.browser.get(`/cloud/v1/records/${from}/compare/${toward}`).expect(200);
    expect(strict.body).toMatchObject({ rtol: 0, atol: 0, cell: 'non-repeatable', propositions: { default: ['non-repeated'] } });
    const csv = strict.body.evidence.outputs.pairs.find((pair: { name: string }) => pair.name === 'profile.csv');
    expect(csv).toMatchObject({ result: 'numeric', same: false, numeric: { compared: 400, shapes: { same: true, a: { format: 'csv', rows: 200, columns: 2 } } } });
    expect(csv.numeric.differing).toBeGreaterThan(0);
    expect(csv.numeric.maxAbs.at).toMatchObject({ column: 2, name: 'T' });
    expect(csv.numeric.maxRel.value).toBeLessThan(1e-6);

    const tolerant = await sender.browser.get(`/cloud/v1/records/${from}/compare/${toward}?rtol=1e-6&atol=1e-9`).expect(200);
    expect(tolerant.body).toMatchObject({ rtol: 1e-6, atol: 1e-9, cell: 'repeatable', propositions: { default: ['repeated'] } });
    expect(tolerant.body.evidence.outputs).toMatchObject({ same: true, rtol: 1e-6, atol: 1e-9 });

    const negative = await sender.browser.get(`/cloud/v1/records/${from}/compare/${toward}?rtol=-1`);
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['rtol']);
    expect((await sender.browser.get(`/cloud/v1/records/${from}/compare/${toward}?atol=lots`)).status).toBe(400);
  });

  it('accepts "repeated" within rtol and atol and keeps them and the evidence on the request; refuses it beyond them', async () => {
    const { sender, from, toward } = await numericPair();
    const beyond = await sender.browser.post('/cloud/v1/diffs', { from, toward, proposition: 'repeated', rtol: 1e-15 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toMatchObject({ code: 'proposition_not_allowed', details: { cell: 'non-repeatable', allowed: ['non-repeated'] } });

    const within = await sender.browser.post('/cloud/v1/diffs', { from, toward, proposition: 'repeated', rtol: 1e-6, atol: 1e-9 });
    expect(within.status, JSON.stringify(within.body)).toBe(201);
    expect(within.body).toMatchObject({ rtol: 1e-6, atol: 1e-9, tolerance: 0, cell: 'repeatable', status: 'proposed' });
    expect(within.body.evidence.outputs).toMatchObject({ same: true, rtol: 1e-6, atol: 1e-9 });
    const stored = await sender.browser.get(`/cloud/v1/diffs/${within.body.id}`).expect(200);
    expect(stored.body.evidence).toEqual(within.body.evidence);
    expect(stored.body).toMatchObject({ rtol: 1e-6, atol: 1e-9 });
    const listed = await sender.browser.get('/cloud/v1/diffs?box=outbox').expect(200);
    expect(listed.body.data[0]).toMatchObject({ id: within.body.id, rtol: 1e-6, atol: 1e-9 });

    const malformed = await sender.browser.post('/cloud/v1/diffs', { from, toward, proposition: 'repeated', atol: -0.5 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['/atol']);
  });
});
