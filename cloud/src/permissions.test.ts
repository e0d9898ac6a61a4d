/**
 * The permission matrix: every endpoint, for an anonymous visitor, another signed-in user and the
 * owner, on private and public items. Private means 404 for everyone but the owner, everywhere.
 */
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DiffRequestDoc, ProjectDoc, RecordDoc } from '@reprise/core';
import { makeContainer, makeProject, makeRecord } from './test/factories.js';
import { PASSWORD, useCloud, type Browser, type SignedIn } from './test/harness.js';

const cloud = useCloud();

type Role = 'anonymous' | 'other' | 'owner';
type Visibility = 'private' | 'public';
const ROLES: Role[] = ['anonymous', 'other', 'owner'];
const VISIBILITIES: Visibility[] = ['private', 'public'];

/** The owner's project and record (with a file and a container), another user's public record, and a request toward the owner's record. */
interface World {
  owner: SignedIn;
  other: SignedIn;
  anonymous: Browser;
  project: ProjectDoc;
  record: RecordDoc;
  othersRecord: RecordDoc;
  request: DiffRequestDoc;
}

async function world(visibility: Visibility): Promise<World> {
  const owner = await cloud.signUp('Owner');
  const other = await cloud.signUp('Other');
  const anonymous = await cloud.browser();
  const project = await makeProject(cloud.db, owner, 'owned', { private: visibility === 'private', description: 'owned project' });
  await makeContainer(cloud.db, owner, 'owned', { system: 'docker' });
  const record = await makeRecord(cloud.db, owner, 'owned', { label: 'owned-run', reason: 'owned record' }, { outputs: { 'out.txt': 'owner output' } });
  const othersProject = await makeProject(cloud.db, other, 'others', { private: false });
  const othersRecord = await makeRecord(cloud.db, other, 'others', { label: 'others-run' }, { outputs: { 'out.txt': 'owner output' } });
  const request = (
    await cloud.db.models.DiffRequest.create({
      sender: othersRecord.owner,
      from: othersRecord._id,
      fromProject: othersProject._id,
      toward: record._id,
      towardProject: project._id,
      targetOwner: record.owner,
      method: 'visual',
      proposition: 'reproduced',
      cell: 'reproducible',
      evidence: '{"cell":"reproducible"}',
    })
  ).toObject();
  const refreshed = await cloud.db.models.Project.findById(project._id).lean();
  return { owner, other, anonymous, project: refreshed ?? project, record, othersRecord, request };
}

async function emptyDatabase(): Promise<void> {
  const db = cloud.db.connection.db;
  if (!db) return;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map((collection) => db.collection(collection.name).deleteMany({})));
}

function browserOf(w: World, role: Role): Browser {
  return role === 'anonymous' ? w.anonymous : role === 'other' ? w.other.browser : w.owner.browser;
}

/** Reads: the owner always; others (signed in or not) only public items. */
const read = (success = 200) => (role: Role, visibility: Visibility) => (role === 'owner' || visibility === 'public' ? success : 404);
/** Changes to the owner's items: sign in first (401); someone else gets 403 when they can see the item, 404 when they cannot. */
const change = (success = 200) => (role: Role, visibility: Visibility) =>
  role === 'anonymous' ? 401 : role === 'owner' ? success : visibility === 'public' ? 403 : 404;
/** The signed-in user's own lists: 401 without a session. */
const signedIn = (role: Role) => (role === 'anonymous' ? 401 : 200);

interface Case {
  name: string;
  call: (w: World, b: Browser) => Promise<Response>;
  expected: (role: Role, visibility: Visibility) => number;
  /** What the response body must (not) reveal when the call succeeds. */
  check?: (w: World, res: Response, role: Role, visibility: Visibility) => void;
}

const includesOwned = (res: Response) => JSON.stringify(res.body).includes('owned');

const CASES: Case[] = [
  { name: 'GET /projects/{id}', call: (w, b) => b.get(`/cloud/v1/projects/${w.project._id}`), expected: read() },
  { name: 'GET /projects/{id}/records', call: (w, b) => b.get(`/cloud/v1/projects/${w.project._id}/records`), expected: read() },
  { name: 'GET /projects/{id}/containers', call: (w, b) => b.get(`/cloud/v1/projects/${w.project._id}/containers`), expected: read() },
  { name: 'GET /projects/{id}/reproducibility', call: (w, b) => b.get(`/cloud/v1/projects/${w.project._id}/reproducibility`), expected: read() },
  { name: 'GET /records/{id}', call: (w, b) => b.get(`/cloud/v1/records/${w.record._id}`), expected: read() },
  { name: 'GET /records/{id}/files/{file}', call: (w, b) => b.get(`/cloud/v1/records/${w.record._id}/files/out.txt`), expected: read() },
  { name: 'GET /records/{a}/compare/{b}', call: (w, b) => b.get(`/cloud/v1/records/${w.othersRecord._id}/compare/${w.record._id}`), expected: read() },
  {
    name: 'GET /public/projects/{id}/badge.svg',
    call: (w, b) => b.get(`/cloud/v1/public/projects/${w.project._id}/badge.svg`),
    expected: (_role, visibility) => (visibility === 'public' ? 200 : 404),
  },
  {
    name: 'GET /public/projects',
    call: (_w, b) => b.get('/cloud/v1/public/projects'),
    expected: () => 200,
    check: (_w, res, _role, visibility) => expect(includesOwned(res)).toBe(visibility === 'public'),
  },
  {
    name: 'GET /public/records',
    call: (_w, b) => b.get('/cloud/v1/public/records'),
    expected: () => 200,
    check: (_w, res, _role, visibility) => expect(includesOwned(res)).toBe(visibility === 'public'),
  },
  {
    name: 'GET /projects (own)',
    call: (_w, b) => b.get('/cloud/v1/projects'),
    expected: signedIn,
    check: (_w, res, role) => expect(includesOwned(res)).toBe(role === 'owner'),
  },
  {
    name: 'GET /records (own)',
    call: (_w, b) => b.get('/cloud/v1/records'),
    expected: signedIn,
    check: (_w, res, role) => expect(includesOwned(res)).toBe(role === 'owner'),
  },
  {
    name: 'GET /dashboard',
    call: (_w, b) => b.get('/cloud/v1/dashboard'),
    expected: signedIn,
    // The other user's dashboard lists their request toward the owner's record, named only while it is public.
    check: (_w, res, role, visibility) => expect(JSON.stringify(res.body).includes('owned-run')).toBe(role === 'owner' || visibility === 'public'),
  },
  { name: 'GET /account', call: (_w, b) => b.get('/cloud/v1/account'), expected: signedIn },
  { name: 'GET /auth/me', call: (_w, b) => b.get('/cloud/v1/auth/me'), expected: signedIn },
  { name: 'GET /auth/csrf', call: (_w, b) => b.get('/cloud/v1/auth/csrf'), expected: () => 200 },
  {
    name: 'POST /account/password',
    call: (_w, b) => b.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'another fine passphrase' }),
    expected: (role) => (role === 'anonymous' ? 401 : 204),
  },
  { name: 'POST /auth/logout', call: (_w, b) => b.post('/cloud/v1/auth/logout'), expected: () => 204 },
  { name: 'POST /account/token', call: (_w, b) => b.post('/cloud/v1/account/token'), expected: (role) => (role === 'anonymous' ? 401 : 201) },
  { name: 'DELETE /account/token', call: (_w, b) => b.delete('/cloud/v1/account/token'), expected: (role) => (role === 'anonymous' ? 401 : 204) },
  { name: 'PATCH /account', call: (_w, b) => b.patch('/cloud/v1/account', { name: 'Renamed' }), expected: signedIn },
  { name: 'POST /projects', call: (_w, b) => b.post('/cloud/v1/projects', { name: 'fresh' }), expected: (role) => (role === 'anonymous' ? 401 : 201) },
  { name: 'PATCH /projects/{id}', call: (w, b) => b.patch(`/cloud/v1/projects/${w.project._id}`, { goals: 'changed' }), expected: change() },
  { name: 'POST /projects/{id}/records', call: (w, b) => b.post(`/cloud/v1/projects/${w.project._id}/records`, { label: 'manual' }), expected: change(201) },
  { name: 'PATCH /records/{id}', call: (w, b) => b.patch(`/cloud/v1/records/${w.record._id}`, { outcome: 'changed' }), expected: change() },
  { name: 'DELETE /records/{id}', call: (w, b) => b.delete(`/cloud/v1/records/${w.record._id}`), expected: change() },
  { name: 'DELETE /projects/{id}', call: (w, b) => b.delete(`/cloud/v1/projects/${w.project._id}`), expected: change() },
  {
    name: 'GET /diffs?box=inbox',
    call: (_w, b) => b.get('/cloud/v1/diffs?box=inbox'),
    expected: signedIn,
    check: (w, res, role) => expect(res.body.data.map((d: { id: string }) => d.id)).toEqual(role === 'owner' ? [w.request._id.toHexString()] : []),
  },
  {
    name: 'GET /diffs?box=outbox',
    call: (_w, b) => b.get('/cloud/v1/diffs?box=outbox'),
    expected: signedIn,
    check: (w, res, role) => expect(res.body.data.map((d: { id: string }) => d.id)).toEqual(role === 'other' ? [w.request._id.toHexString()] : []),
  },
  // The request goes from the other user's public record toward the owner's record: both its parties see it; strangers when both records are public.
  { name: 'GET /diffs/{id}', call: (w, b) => b.get(`/cloud/v1/diffs/${w.request._id}`), expected: (role, visibility) => (role !== 'anonymous' || visibility === 'public' ? 200 : 404) },
  {
    name: 'POST /diffs/{id}/withdraw (the other user is the sender)',
    call: (w, b) => b.post(`/cloud/v1/diffs/${w.request._id}/withdraw`),
    expected: (role) => (role === 'anonymous' ? 401 : role === 'other' ? 200 : 403),
  },
  {
    name: 'POST /diffs/{id}/answer (the owner is the target)',
    call: (w, b) => b.post(`/cloud/v1/diffs/${w.request._id}/answer`, { answer: 'agreed' }),
    expected: (role) => (role === 'anonymous' ? 401 : role === 'owner' ? 200 : 403),
  },
  {
    name: "POST /diffs toward the owner's record",
    call: async (w, b) => {
      // One request per pair of records: the world's own request for this pair is withdrawn first.
      await cloud.db.models.DiffRequest.updateOne({ _id: w.request._id }, { $set: { status: 'withdrawn', liveKey: w.request._id.toHexString() } });
      return await b.post('/cloud/v1/diffs', { from: w.othersRecord._id, toward: w.record._id, method: 'visual', proposition: 'reproduced' });
    },
    // The other user may ask about a record they can see; the owner cannot send from someone else's record.
    expected: (role, visibility) => (role === 'anonymous' ? 401 : role === 'owner' ? 403 : visibility === 'public' ? 201 : 404),
  },
];

describe('permission matrix', () => {
  it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    for (const visibility of VISIBILITIES) {
      const w = await world(visibility);
      const seen: string[] = [];
      // The owner goes last, so that a successful change or deletion does not hide what the others would have met.
      for (const role of ROLES) {
        const res = await entry.call(w, browserOf(w, role));
        seen.push(`${visibility} ${role}: ${res.status}`);
        expect(res.status, `${visibility} ${role}: ${JSON.stringify(res.body)}`).toBe(entry.expected(role, visibility));
        if (res.status === 404) expect(JSON.stringify(res.body)).not.toMatch(/owned|owner output/);
        if (res.status < 300) entry.check?.(w, res, role, visibility);
      }
      expect(seen).toHaveLength(ROLES.length);
      await emptyDatabase();
    }
  });
});
