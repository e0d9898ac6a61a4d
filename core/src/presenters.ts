import type { Types } from 'mongoose';
import type { Schemas } from '@reprise/contract';
import { decodeEvidence, decodeFreeform } from './codec.js';
import type { ContainerDoc, DiffRequestDoc, FileRef, ProjectDoc, RecordDoc, UserDoc } from './models/index.js';
import { linkIsLive } from '@reprise/rules';
import type { DiffContext } from './services/diffs.js';
import type { NamedLink } from './services/links.js';
import { basisOf } from './services/seals.js';
import type { SifInfo } from './sif.js';
import { ownerOf, type UserRef } from './services/owners.js';
import { valueAt } from './services/record-values.js';
import type { ProjectDetail } from './services/projects.js';
import type { Reproducibility } from './services/reproducibility.js';

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
          sif: image.sif ? presentSif(image.sif) : null,
        }
      : null,
    recipe: container.recipe ? { name: container.recipe.name, text: container.recipe.text } : null,
    position,
    created: container.created.toISOString(),
  };
}

function presentSif(sif: SifInfo): Schemas['SifMetadata'] {
  return {
    readable: sif.readable,
    problem: sif.problem,
    version: sif.version,
    arch: sif.arch,
    uuid: sif.uuid,
    created: sif.created?.toISOString() ?? null,
    modified: sif.modified?.toISOString() ?? null,
    descriptors: sif.descriptors.map(({ id, type, name, size, fs, partition, arch }) => ({ id, type, name, size, fs, partition, arch })),
    labels: sif.labels.map(({ name, value }) => ({ name, value })),
  };
}

function presentFileRef(entry: FileRef): Schemas['FileRef'] {
  return {
    name: entry.name,
    path: entry.path,
    sha256: entry.sha256,
    ...(entry.sha1 ? { sha1: entry.sha1 } : {}),
    size: entry.size,
    mediaType: entry.mediaType,
    file: entry.file?.toHexString() ?? null,
  };
}

/** A record's metrics as stored (codec text of `{name: number}`). */
function metricsOf(record: RecordDoc): Schemas['Metrics'] {
  return (decodeFreeform(record.metrics) ?? {}) as Schemas['Metrics'];
}

/** A record in a list: everything but the heavy fields, with the values at `columns` when a list asks for them. */
export function presentRecordSummary(record: RecordDoc, projectName: string, owners: Map<string, UserRef>, columns?: string[]): Schemas['RecordSummary'] {
  return {
    ...(columns && columns.length > 0 ? { columns: Object.fromEntries(columns.map((path) => [path, valueAt(record, path)])) } : {}),
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
    published: record.published === true,
    inputs: record.inputs.map(presentFileRef),
    outputs: record.outputs.map(presentFileRef),
    created: record.created.toISOString(),
    updated: record.updated.toISOString(),
    metrics: metricsOf(record),
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

/** The signed-in user, as they see themselves (never shown to others: others see a UserRef, id and name only). */
export function presentMe(user: UserDoc): Schemas['Me'] {
  return { id: user._id.toHexString(), email: user.email, name: user.name, created: user.created.toISOString() };
}

/** The signed-in user's account: what may be shown of their API token, never the token or its hash. */
export function presentAccount(user: UserDoc): Schemas['Account'] {
  return {
    ...presentMe(user),
    token:
      user.tokenPrefix && user.tokenCreatedAt
        ? { prefix: user.tokenPrefix, created: user.tokenCreatedAt.toISOString(), lastUsed: user.tokenLastUsedAt?.toISOString() ?? null }
        : null,
  };
}

/** A project's reproducibility tally. */
export function presentReproducibility(reproducibility: Reproducibility): Schemas['Reproducibility'] {
  return {
    project: reproducibility.project._id.toHexString(),
    tally: { ...reproducibility.tally },
    records: reproducibility.records.map((entry) => ({ record: entry.record.toHexString(), label: entry.label, tally: { ...entry.tally } })),
  };
}

function presentRecordRef(id: Types.ObjectId, context: DiffContext): Schemas['RecordRef'] {
  const visible = context.records.get(id.toHexString());
  if (!visible) return { id: id.toHexString(), visible: false };
  return { id: id.toHexString(), visible: true, label: visible.label, project: visible.project.toHexString(), projectName: visible.projectName };
}

/** A diff request in a list: everything but the evidence. Records the viewer may not see show as their id only. */
export function presentDiffRequestSummary(request: DiffRequestDoc, context: DiffContext): Schemas['DiffRequestSummary'] {
  return {
    id: request._id.toHexString(),
    sender: ownerOf(context.owners, request.sender),
    targetOwner: ownerOf(context.owners, request.targetOwner),
    from: presentRecordRef(request.from, context),
    toward: presentRecordRef(request.toward, context),
    method: request.method,
    description: request.description,
    tolerance: request.tolerance,
    rtol: request.rtol ?? 0,
    atol: request.atol ?? 0,
    proposition: request.proposition,
    cell: request.cell,
    status: request.status,
    answer: request.answer
      ? { by: ownerOf(context.owners, request.answer.by), at: request.answer.at.toISOString(), comment: request.answer.comment }
      : null,
    created: request.created.toISOString(),
    updated: request.updated.toISOString(),
  };
}

/** A diff request with its evidence, which only a viewer who can see both records gets (it describes both). */
export function presentDiffRequest(request: DiffRequestDoc, context: DiffContext): Schemas['DiffRequest'] {
  const bothVisible = context.records.has(request.from.toHexString()) && context.records.has(request.toward.toHexString());
  const evidence = bothVisible ? decodeEvidence(request.evidence) : undefined;
  const basis = bothVisible ? basisOf(request) : null;
  return {
    ...presentDiffRequestSummary(request, context),
    evidence: evidence ?? null,
    basis: basis as Schemas['DiffRequest']['basis'],
  };
}

/** A reviewer link as its owner sees it (never its secret or hash). */
export function presentLink(named: NamedLink, now: Date = new Date()): Schemas['Link'] {
  const { link } = named;
  return {
    id: link._id.toHexString(),
    project: link.project.toHexString(),
    projectName: named.projectName,
    record: link.record?.toHexString() ?? null,
    recordLabel: named.recordLabel,
    prefix: link.prefix,
    anonymous: link.anonymous,
    expires: link.expires?.toISOString() ?? null,
    expired: !linkIsLive(link, now),
    lastUsed: link.lastUsed?.toISOString() ?? null,
    created: link.created.toISOString(),
  };
}
