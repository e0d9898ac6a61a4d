import type { Schemas } from '@reprise/contract';
import { loadOwners, presentProject, presentRecordSummary, projectNames, type Actor, type Deps, type ProjectDoc, type RecordDoc } from '@reprise/core';

/** A page of projects with their owners' names. */
export async function projectPage(deps: Deps, page: { items: ProjectDoc[]; next: string | null }): Promise<Schemas['ProjectPage']> {
  const owners = await loadOwners(deps.models, page.items.map((project) => project.owner));
  return { data: page.items.map((project) => presentProject(project, owners)), page: { next: page.next } };
}

/**
 * A page of records `viewer` may see, with their owners' and projects' names (`projects`: those
 * already found visible to the viewer, e.g. the one project the page lists).
 */
export async function recordPage(
  deps: Deps,
  viewer: Actor | null,
  page: { items: RecordDoc[]; next: string | null },
  columns?: string[],
  projects: ProjectDoc[] = [],
): Promise<Schemas['RecordPage']> {
  const owners = await loadOwners(deps.models, page.items.map((record) => record.owner));
  const names = await projectNames(deps, viewer, page.items.map((record) => record.project), projects);
  return {
    data: page.items.map((record) => presentRecordSummary(record, names.get(record.project.toHexString()) ?? '', owners, columns)),
    page: { next: page.next },
  };
}
