import type { Schemas } from '@reprise/contract';
import { decodeFreeform } from './codec.js';
import type { ContainerDoc, FileRef, ProjectDoc, RecordDoc } from './models/index.js';
import { ownerOf, type UserRef } from './services/owners.js';
import type { ProjectDetail } from './services/projects.js';

/** A project as clients see it. */
export function presentProject(project: ProjectDoc, owners: Map<string, UserRef>): Schemas['Project'] {
  return {
    id: project._id.toHexString(),
    name: project.name,
    owner: ownerOf(owners, project.owner),
    description: project.description,
    goals: project.goals,
    tags: project.tags,
    private: project.private,
    history: project.history.map((id) => id.toHexString()),
    custom: decodeFreeform(project.custom) ?? null,
    created: project.created.toISOString(),
    updated: project.updated.toISOString(),
    activity: project.activity.toISOString(),
  };
}

/** A project with its container history and counts (project/pull). */
export function presentProjectDetail(detail: ProjectDetail, owners: Map<string, UserRef>): Schemas['ProjectDetail'] {
  const history = detail.project.history.map((id) => id.toHexString());
  return {
    ...presentProject(detail.project, owners),
    containers: detail.containers.map((container) => presentContainer(container, history.indexOf(container._id.toHexString()))),
    counts: detail.counts,
  };
}

/** A container version; `position` is its index in the project's history. */
export function presentContainer(container: ContainerDoc, position: number): Schemas['Container'] {
  const { image, version } = container;
  return {
    id: container._id.toHexString(),
    project: container.project.toHexString(),
    system: container.system,
    version: {
      vcs: version.vcs,
      repository: version.repository,
      commit: version.commit,
      branch: version.branch,
      tag: version.tag,
      dirty: version.dirty,
      diff: version.diff,
    },
    image: image
      ? {
          sha256: image.sha256,
          size: image.size,
          mediaType: image.mediaType,
          name: image.name,
          file: image.file?.toHexString() ?? null,
          reference: image.reference,
          digest: image.digest,
        }
      : null,
    position,
    created: container.created.toISOString(),
  };
}

function presentFileRef(entry: FileRef): Schemas['FileRef'] {
  return {
    name: entry.name,
    path: entry.path,
    sha256: entry.sha256,
    size: entry.size,
    mediaType: entry.mediaType,
    file: entry.file?.toHexString() ?? null,
  };
}

/** A record in a list: everything but the heavy fields. */
export function presentRecordSummary(record: RecordDoc, projectName: string, owners: Map<string, UserRef>): Schemas['RecordSummary'] {
  return {
    id: record._id.toHexString(),
    project: record.project.toHexString(),
    projectName,
    owner: ownerOf(owners, record.owner),
    container: record.container?.toHexString() ?? null,
    label: record.label,
    status: record.status,
    tags: record.tags,
    reason: record.reason,
    outcome: record.outcome,
    duration: record.duration,
    private: record.private,
    inputs: record.inputs.map(presentFileRef),
    outputs: record.outputs.map(presentFileRef),
    created: record.created.toISOString(),
    updated: record.updated.toISOString(),
  };
}

/** A record with every field. */
export function presentRecord(record: RecordDoc, projectName: string, owners: Map<string, UserRef>): Schemas['Record'] {
  return {
    ...presentRecordSummary(record, projectName, owners),
    statusHistory: record.statusHistory.map((change) => ({ status: change.status, at: change.at.toISOString() })),
    program: decodeFreeform(record.program) ?? null,
    parameters: decodeFreeform(record.parameters) ?? null,
    dependencies: record.dependencies.map((dependency) => ({
      name: dependency.name,
      version: dependency.version,
      manager: dependency.manager,
      source: dependency.source,
    })),
    system: decodeFreeform(record.system) ?? null,
    stdout: record.stdout,
    stderr: record.stderr,
    custom: decodeFreeform(record.custom) ?? null,
  };
}
