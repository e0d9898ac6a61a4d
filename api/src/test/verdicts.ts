import { answerDiffRequest, createDiffRequest, type Actor, type DiffRequestDoc } from '@reprise/core';
import { bearer, type TestApi } from './harness.js';

/** Output text of both records of an agreed verdict. */
export const SEALED_OUTPUT = 'dimension 1.7093\n';

/** A record of each of two users and the agreed "repeated" verdict between them, made as the cloud makes it. */
export interface SealedPair {
  target: { token: string; actor: Actor };
  sender: { token: string; actor: Actor };
  verdict: DiffRequestDoc;
}

/**
 * Pushes record `project/label` for the target (public project) and `rerun/copy` for the sender,
 * the same run with the same output, then has the sender request "repeated" and the target agree:
 * both records are sealed from then on.
 */
export async function makeSealedPair(api: TestApi, project = 'sim', label = 'r1'): Promise<SealedPair> {
  const target = await api.user('Target');
  const sender = await api.user('Sender');
  const run = {
    program: { command: 'python', arguments: ['sim.py'], versionControl: { vcs: 'git', commit: 'a'.repeat(40), dirty: false } },
    parameters: { seed: 7 },
    dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }],
    system: { os: 'Linux' },
  };
  const push = async (token: string, name: string, record: string, visibility: boolean) => {
    await api.request().post(`/api/v1/project/push/${name}`).set(bearer(token)).send({ private: visibility }).expect(201);
    const created = await api.request().post(`/api/v1/record/push/${name}`).set(bearer(token)).send({ label: record, ...run }).expect(201);
    await api.request().post(`/api/v1/file/push/${name}/${record}`).set(bearer(token)).attach('outputs', Buffer.from(SEALED_OUTPUT), 'out.txt').expect(200);
    return created.body.id as string;
  };
  const toward = await push(target.token, project, label, false);
  const from = await push(sender.token, 'rerun', 'copy', true);
  const deps = { models: api.db.models, blobs: api.db.blobs };
  const targetActor = { id: target.user._id, name: target.user.name };
  const senderActor = { id: sender.user._id, name: sender.user.name };
  const request = await createDiffRequest(deps, senderActor, { from, toward, proposition: 'repeated' });
  const verdict = await answerDiffRequest(deps, targetActor, request._id.toHexString(), { answer: 'agreed' });
  return { target: { token: target.token, actor: targetActor }, sender: { token: sender.token, actor: senderActor }, verdict };
}
