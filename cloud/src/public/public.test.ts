import { Types } from 'mongoose';
import type { Test } from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DiffStatus, Proposition } from '@reprise/core';
import { useCloud } from '../test/harness.js';
import { makeProject, makeRecord } from '../test/factories.js';
import { escapeXml, renderBadge } from './badge.js';

const cloud = useCloud();

/** Fetches a badge and returns the response with its SVG as text. */
async function svg(test: Test): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const res = await test.buffer(true).parse((stream, callback) => {
    let data = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (data += chunk));
    stream.on('end', () => callback(null, data));
  });
  return { status: res.status, headers: res.headers as Record<string, string>, text: res.body as string };
}

const names = (res: { body: { data: Array<{ name?: string; label?: string }> } }) => res.body.data.map((item) => item.name ?? item.label);

describe('browsing public projects', () => {
  it('lists only public projects, also the signed-in user\'s own private ones stay out, most recently active first', async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const alpha = await makeProject(cloud.db, alice, 'alpha', { private: false });
    await makeProject(cloud.db, alice, 'alpha-private');
    await makeProject(cloud.db, bob, 'beta', { private: false });
    // Alpha was active last (pushes refresh activity to within seconds; an edit at once).
    await alice.browser.patch(`/cloud/v1/projects/${alpha._id}`, { goals: 'new goals' }).expect(200);
    expect(names(await (await cloud.browser()).get('/cloud/v1/public/projects').expect(200))).toEqual(['alpha', 'beta']);
    expect(names(await alice.browser.get('/cloud/v1/public/projects').expect(200))).toEqual(['alpha', 'beta']);
  });

  it('searches text literally, filters by tag and owner, and pages with a cursor', async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    await makeProject(cloud.db, alice, 'monte-carlo', { private: false, tags: ['stats'] });
    await makeProject(cloud.db, alice, 'lattice', { private: false, description: 'A Monte Carlo lattice' });
    await makeProject(cloud.db, bob, 'other', { private: false, tags: ['stats'] });
    const anonymous = await cloud.browser();
    expect(names(await anonymous.get('/cloud/v1/public/projects?q=MONTE').expect(200)).sort()).toEqual(['lattice', 'monte-carlo']);
    expect(names(await anonymous.get('/cloud/v1/public/projects?q=.*').expect(200))).toEqual([]);
    expect(names(await anonymous.get('/cloud/v1/public/projects?tag=stats').expect(200))).toEqual(['other', 'monte-carlo']);
    expect(names(await anonymous.get(`/cloud/v1/public/projects?owner=${bob.id}`).expect(200))).toEqual(['other']);
    const page = await anonymous.get('/cloud/v1/public/projects?limit=2').expect(200);
    expect(page.body.data).toHaveLength(2);
    const rest = await anonymous.get(`/cloud/v1/public/projects?limit=2&cursor=${page.body.page.next}`).expect(200);
    expect(names(rest)).toEqual(['monte-carlo']);
    expect(rest.body.page.next).toBeNull();
    await anonymous.get('/cloud/v1/public/projects?q[$ne]=x').expect(400);
  });
});

describe('browsing public records', () => {
  it('lists public records by recent activity: an updated record comes first', async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'open', { private: false });
    await makeProject(cloud.db, alice, 'closed');
    const old = await makeRecord(cloud.db, alice, 'open', { label: 'old' });
    await makeRecord(cloud.db, alice, 'open', { label: 'new' });
    await makeRecord(cloud.db, alice, 'closed', { label: 'hidden' });
    const anonymous = await cloud.browser();
    expect(names(await anonymous.get('/cloud/v1/public/records').expect(200))).toEqual(['new', 'old']);
    await alice.browser.patch(`/cloud/v1/records/${old._id}`, { outcome: 'revisited' }).expect(200);
    expect(names(await anonymous.get('/cloud/v1/public/records').expect(200))).toEqual(['old', 'new']);
    expect(names(await anonymous.get(`/cloud/v1/public/records?project=${project._id}&q=revisited`).expect(200))).toEqual(['old']);
    const page = await anonymous.get('/cloud/v1/public/records?limit=1').expect(200);
    expect(names(await anonymous.get(`/cloud/v1/public/records?limit=1&cursor=${page.body.page.next}`).expect(200))).toEqual(['new']);
  });

  it("answers 404 when filtering by a private project, even the caller's own", async () => {
    const alice = await cloud.signUp();
    const closed = await makeProject(cloud.db, alice, 'closed');
    await alice.browser.get(`/cloud/v1/public/records?project=${closed._id}`).expect(404);
  });
});

describe('reproducibility badge', () => {
  it('renders the tally of agreed requests of a public project as a short-lived SVG', async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'badged', { private: false });
    const target = await makeRecord(cloud.db, alice, 'badged', { label: 't' });
    const theirs = await makeProject(cloud.db, bob, 'theirs', { private: false });
    // A pair of records counts once: each request comes from a record of its own.
    let sources = 0;
    const request = async (proposition: Proposition, status: DiffStatus) => {
      sources += 1;
      const source = await makeRecord(cloud.db, bob, 'theirs', { label: `s${sources}` });
      return await cloud.db.models.DiffRequest.create({
        sender: source.owner,
        from: source._id,
        fromProject: theirs._id,
        toward: target._id,
        towardProject: project._id,
        targetOwner: target.owner,
        method: 'visual',
        proposition,
        cell: 'repeatable',
        evidence: '{}',
        status,
      });
    };
    const anonymous = await cloud.browser();
    const empty = await svg(anonymous.get(`/cloud/v1/public/projects/${project._id}/badge.svg`).expect(200));
    expect(empty.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(empty.text).toContain('none yet');

    for (let i = 0; i < 3; i += 1) await request('repeated', 'agreed');
    await request('reproduced', 'agreed');
    await request('reproduced', 'denied');
    await request('repeated', 'proposed');
    const res = await svg(anonymous.get(`/cloud/v1/public/projects/${project._id}/badge.svg`).expect(200));
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.text).toMatch(/^<svg /);
    expect(res.text).toContain('reproducibility');
    expect(res.text).toContain('3 repeated · 1 reproduced');

    const tally = await anonymous.get(`/cloud/v1/projects/${project._id}/reproducibility`).expect(200);
    expect(tally.body).toEqual({
      project: project._id.toHexString(),
      tally: { repeated: 3, reproduced: 1, 'non-repeated': 0, 'non-reproduced': 0, total: 4 },
      records: [{ record: target._id.toHexString(), label: 't', tally: { repeated: 3, reproduced: 1, 'non-repeated': 0, 'non-reproduced': 0, total: 4 } }],
    });
  });

  it('answers 404 for a private or unknown project, also to its owner, and 400 for a malformed id', async () => {
    const alice = await cloud.signUp();
    const closed = await makeProject(cloud.db, alice, 'closed');
    await alice.browser.get(`/cloud/v1/public/projects/${closed._id}/badge.svg`).expect(404);
    await alice.browser.get(`/cloud/v1/public/projects/${new Types.ObjectId().toHexString()}/badge.svg`).expect(404);
    await alice.browser.get('/cloud/v1/public/projects/nope/badge.svg').expect(400);
  });

  it('escapes text in the SVG', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    const svg = renderBadge('<script>', '1 & 2', 'red"/><script>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('1 &amp; 2');
    expect(svg).toContain('fill="#9f9f9f"');
  });
});
