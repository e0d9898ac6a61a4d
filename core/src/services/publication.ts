import { canShare } from '@reprise/rules';
import { access } from '../access.js';
import { errors } from '../errors.js';
import type { ProjectDoc, RecordDoc } from '../models/index.js';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { findRecord, type ProjectRecord } from './records.js';

/**
 * Publishes one of the actor's records on its own: it becomes public, with the container it ran
 * in, while the rest of a private project stays private. Public browsing, search and diff
 * requests reach it like any public record; it stays public when its project turns private.
 */
export async function publishRecord(deps: Deps, actor: Actor, id: string): Promise<ProjectRecord> {
  const { project, record } = await findRecord(deps, actor, id, { write: true });
  if (!canShare(actor.id, record)) throw errors.notOwner('record');
  const { records, containers } = access(deps);
  const owner = Scope.owner(actor.id);
  // The container first, so that a public record never names a container nobody else may see.
  if (record.container) await containers.updateOne(owner, { _id: record.container, project: project._id }, { $set: { private: false } });
  const updated = await records
    .findOneAndUpdate(owner, { _id: record._id }, { $set: { published: true, private: false } }, { returnDocument: 'after', timestamps: false })
    .lean<RecordDoc>();
  if (!updated) throw errors.notFound('Record', id);
  return { project, record: updated };
}

/**
 * Takes a published record back: it is as private as its project again, and so is its container
 * unless another published record of the project ran in it. Diff requests toward or from it stay
 * (with their verdicts and seals); others than their parties no longer see them.
 */
export async function unpublishRecord(deps: Deps, actor: Actor, id: string): Promise<ProjectRecord> {
  const { project, record } = await findRecord(deps, actor, id, { write: true });
  if (!canShare(actor.id, record)) throw errors.notOwner('record');
  const { records, containers, projects } = access(deps);
  const owner = Scope.owner(actor.id);
  // The project as it is now, not as it was read above: a privacy change may have happened since.
  const current = await projects.findOne(owner, { _id: project._id }, { private: 1 }).lean<Pick<ProjectDoc, 'private'>>();
  const makePrivate = current?.private ?? true;
  const updated = await records
    .findOneAndUpdate(owner, { _id: record._id }, { $set: { published: false, private: makePrivate } }, { returnDocument: 'after', timestamps: false })
    .lean<RecordDoc>();
  if (!updated) throw errors.notFound('Record', id);
  if (record.container && makePrivate) {
    const sharedContainer = await records.exists(owner, { project: project._id, container: record.container, published: true });
    if (!sharedContainer) await containers.updateOne(owner, { _id: record.container, project: project._id }, { $set: { private: true } });
  }
  return { project, record: updated };
}

