import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Types } from 'mongoose';
import { access } from '../access.js';
import { errors } from '../errors.js';
import { bibtex, citableRecord, citableVerdict, citationCff, datacite, type Citable } from '../export/citation.js';
import { buildCrate, CRATE_METADATA, type CrateRecord, type CrateSubject } from '../export/crate.js';
import { buildProv } from '../export/prov.js';
import type { ContainerDoc, FileDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { presentContainer, presentDiffRequest, presentProject, presentRecord } from '../presenters.js';
import { RequestScope, Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { diffContext, findDiffRequest } from './diffs.js';
import { loadOwners } from './owners.js';
import { findProject, resolveProject } from './projects.js';
import { findRecord, resolveRecord } from './records.js';

export type { CrateSubject } from '../export/crate.js';

/** The formats a record, a project or a verdict is exported in. */
export type ExportFormat = 'ro-crate' | 'prov' | 'bibtex' | 'cff' | 'datacite';

/** What an export is asked for with. */
export interface ExportOptions {
  format: ExportFormat;
  /** Put the files' bytes into a crate (default) or describe them only (`files=none`). */
  files: boolean;
  /** Put the container image's bytes into a crate (only when asked: images are large). */
  image: boolean;
  publicUrl: string;
}

/** An export ready to send: a stream (a crate) or a text. */
export interface Rendered {
  mediaType: string;
  filename: string;
  body: Readable | string;
}

/** A record as its crate describes it, seen by `viewer`. */
async function crateRecord(deps: Deps, viewer: Actor | null, project: ProjectDoc, record: RecordDoc): Promise<CrateRecord> {
  const owners = await loadOwners(deps.models, [record.owner], viewer ? [viewer] : []);
  const container = record.container
    ? await access(deps).containers.findOne(Scope.within(project), { _id: record.container, project: project._id }).lean<ContainerDoc>()
    : null;
  const seals = record.seals ?? [];
  // Only agreed requests seal for good; a request still being agreed may yet be refused.
  const { requests } = access(deps);
  const sealing = seals.length > 0 ? await requests.find(RequestScope.about([record._id]), { _id: { $in: seals }, status: 'agreed' }, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>() : [];
  return {
    record: presentRecord(record, project.name, owners),
    container: container ? presentContainer(container, project.history.findIndex((id) => id.equals(container._id))) : null,
    sealedBy: sealing.map((request) => request._id.toHexString()),
  };
}

/** The subject of a record export through the API: a project reference and a record reference (label or id). */
export async function recordExportSubject(deps: Deps, viewer: Actor | null, projectRef: string, recordRef: string): Promise<CrateSubject> {
  const project = await resolveProject(deps, viewer, projectRef);
  const record = await resolveRecord(deps, Scope.visibleTo(viewer?.id ?? null), project, recordRef);
  return { kind: 'record', record: await crateRecord(deps, viewer, project, record) };
}

/** The subject of a record export by id (a public record without a token, or the dashboard's viewer). */
export async function recordExportSubjectById(deps: Deps, viewer: Actor | null, id: string): Promise<CrateSubject> {
  const { project, record } = await findRecord(deps, viewer, id);
  return { kind: 'record', record: await crateRecord(deps, viewer, project, record) };
}

/** The subject of a project export: the project and every record of it the viewer may see. */
export async function projectExportSubject(deps: Deps, viewer: Actor | null, ref: { name: string } | { id: string }): Promise<CrateSubject> {
  const project = 'id' in ref ? await findProject(deps, viewer, ref.id) : await resolveProject(deps, viewer, ref.name);
  const records = await access(deps)
    .records.find(Scope.visibleTo(viewer?.id ?? null), { project: project._id })
    .sort({ created: 1, _id: 1 })
    .lean<RecordDoc[]>();
  const entries: CrateRecord[] = [];
  for (const record of records) entries.push(await crateRecord(deps, viewer, project, record));
  const owners = await loadOwners(deps.models, [project.owner], viewer ? [viewer] : []);
  return { kind: 'project', project: presentProject(project, owners), records: entries };
}

/** The subject of a verdict export: the diff request with its evidence and the two records, when the viewer may see them. */
export async function verdictExportSubject(deps: Deps, viewer: Actor | null, id: string): Promise<CrateSubject> {
  const request = await findDiffRequest(deps, viewer, id);
  const context = await diffContext(deps, viewer, [request]);
  const presented = presentDiffRequest(request, context);
  const entries: CrateRecord[] = [];
  for (const side of [request.from, request.toward]) {
    if (!context.records.has(side.toHexString())) continue;
    const { project, record } = await findRecord(deps, viewer, side.toHexString());
    entries.push(await crateRecord(deps, viewer, project, record));
  }
  return { kind: 'verdict', request: presented, records: entries };
}

/** What a subject is cited as: a record or a verdict (a project is not cited as one thing). */
function citableOf(subject: CrateSubject, publicUrl: string): Citable {
  if (subject.kind === 'record') return citableRecord(subject.record.record, subject.record.sealedBy, publicUrl);
  if (subject.kind === 'verdict') return citableVerdict(subject.request, publicUrl);
  throw errors.badRequest('A project is exported as "ro-crate" or "prov"; cite one of its records or verdicts instead.', { format: 'citation' });
}

function baseNameOf(subject: CrateSubject): string {
  const raw =
    subject.kind === 'record'
      ? `${subject.record.record.projectName}-${subject.record.record.label}`
      : subject.kind === 'project'
        ? subject.project.name
        : `verdict-${subject.request.id}`;
  return raw.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** Renders a subject in a format: a crate is a zip streamed from the blob store, the others are text. */
export function renderExport(deps: Deps, subject: CrateSubject, options: ExportOptions): Rendered {
  const base = baseNameOf(subject);
  switch (options.format) {
    case 'ro-crate': {
      const crate = buildCrate(subject, { publicUrl: options.publicUrl, files: options.files, image: options.image, now: new Date() });
      return { mediaType: 'application/zip', filename: `${base}.crate.zip`, body: crateArchive(deps, crate.metadata, crate.files) };
    }
    case 'prov':
      return { mediaType: 'application/json', filename: `${base}.prov.json`, body: `${JSON.stringify(buildProv(subject, options.publicUrl), null, 2)}\n` };
    case 'bibtex':
      return { mediaType: 'application/x-bibtex', filename: `${base}.bib`, body: bibtex(citableOf(subject, options.publicUrl)) };
    case 'cff':
      return { mediaType: 'application/yaml', filename: 'CITATION.cff', body: citationCff(citableOf(subject, options.publicUrl)) };
    case 'datacite':
      return {
        mediaType: 'application/vnd.datacite.datacite+json',
        filename: `${base}.datacite.json`,
        body: `${JSON.stringify(datacite(citableOf(subject, options.publicUrl)), null, 2)}\n`,
      };
  }
}

/**
 * A crate as a zip stream: the metadata first, then each file read from the blob store only when
 * the archive reaches it, stored without compression (data files are mostly compressed already,
 * and storing keeps the throughput of a plain download). Memory stays flat whatever the sizes.
 */
function crateArchive(deps: Deps, metadata: unknown, files: Array<{ path: string; file: string; size: number | null }>): Readable {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(metadata, null, 2)}\n`), CRATE_METADATA);
  for (const entry of files) {
    zip.addReadStreamLazy(entry.path, { compress: false, ...(entry.size !== null ? { size: entry.size } : {}) }, (callback) => {
      deps.models.File.findById(entry.file)
        .lean<FileDoc>()
        .then((file) => {
          if (!file) throw errors.notFound('File', entry.path);
          callback(null, deps.blobs.read(file.blob));
        })
        .catch((error: unknown) => callback(error, undefined as never));
    });
  }
  zip.end();
  return zip.outputStream as Readable;
}
