import type { Schemas } from '@reprise/contract';
import { AppError, canChange, loadOwners, presentProject, presentRecordSummary, type Actor, type Id, type Models, type ProjectDoc, type RecordDoc } from '@reprise/core';

/** Refuses a change to something the actor can see but does not own (403; what they cannot see is a 404 before this). */
export function mustOwn(item: { owner: Id }, actor: Actor, what: string): void {
  if (!canChange(actor.id, item)) throw new AppError(403, 'not_owner', `Only the owner of this ${what} can change it.`);
}

/** A page of projects with their owners' names. */
export async function projectPage(models: Models, page: { items: ProjectDoc[]; next: string | null }): Promise<Schemas['ProjectPage']> {
  const owners = await loadOwners(models, page.items.map((project) => project.owner));
  return { data: page.items.map((project) => presentProject(project, owners)), page: { next: page.next } };
}

/** A page of records with their owners' and projects' names. */
export async function recordPage(models: Models, page: { items: RecordDoc[]; next: string | null }): Promise<Schemas['RecordPage']> {
  const owners = await loadOwners(models, page.items.map((record) => record.owner));
  const projectIds = [...new Set(page.items.map((record) => record.project.toHexString()))];
  // Only names of projects whose records are on the page, which the caller may therefore see.
  const projects = await models.Project.find({ _id: { $in: projectIds } }, { name: 1 }).lean();
  const names = new Map(projects.map((project) => [project._id.toHexString(), project.name]));
  return {
    data: page.items.map((record) => presentRecordSummary(record, names.get(record.project.toHexString()) ?? '', owners)),
    page: { next: page.next },
  };
}
