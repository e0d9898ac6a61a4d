import { describe, expect, it } from 'vitest';
import { useCloud } from '../test/harness.js';
import { makePair } from '../test/pairs.js';

const cloud = useCloud();

const REPEATED = { codeSame: true, inputsSame: true, outputsSame: true };

describe('exports in the cloud (the dashboard\'s download buttons)', () => {
  it('exports a verdict to its parties with both runs and the assessment, and hides the private record from everyone else', async () => {
    const pair = await makePair(cloud, REPEATED);
    const proposed = await pair.sender.browser.post('/cloud/v1/diffs', { from: pair.from._id, toward: pair.toward._id, proposition: 'repeated' }).expect(201);
    const id = proposed.body.id as string;
    await pair.target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(200);

    const prov = await pair.target.browser.get(`/cloud/v1/diffs/${id}/export?format=prov`);
    expect(prov.status).toBe(200);
    const activity = (prov.body as { activity: Record<string, Record<string, unknown>> }).activity[`verdict:${id}`];
    expect(activity).toMatchObject({ 'reprise:proposition': 'repeated', 'reprise:status': 'agreed' });
    const cff = await pair.target.browser.get(`/cloud/v1/diffs/${id}/export?format=cff`);
    expect(cff.text).toContain(`url: http://localhost:5000/requests/${id}`);

    // The sender's record is private: a stranger sees neither it nor its export.
    const stranger = await cloud.browser();
    expect((await stranger.get(`/cloud/v1/records/${pair.from._id.toHexString()}/export`)).status).toBe(404);
    expect((await stranger.get(`/cloud/v1/diffs/${id}/export`)).status).toBe(404);
    const open = await stranger.get(`/cloud/v1/records/${pair.toward._id.toHexString()}/export?format=datacite`);
    expect(open.status).toBe(200);
    expect(JSON.parse(open.text)).toMatchObject({ identifiers: [{ identifier: `http://localhost:5000/r/${pair.toward._id.toHexString()}` }] });
    expect((await stranger.get(`/cloud/v1/projects/${pair.toward.project.toHexString()}/export?format=prov`)).status).toBe(200);
    expect((await stranger.get(`/cloud/v1/records/${pair.toward._id.toHexString()}/export?format=yaml`)).status).toBe(400);
  });
});
