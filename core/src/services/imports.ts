import { posix } from 'node:path';
import type { Schemas } from '@reprise/contract';
import { filePathProblem, labelProblem, normalizeName, RECORD_STATUSES, type RecordStatus } from '@reprise/rules';
import type { BlobInfo } from '../blobstore.js';
import { CRATE_METADATA } from '../export/crate.js';
import { invalidCrate, openArchive, readSmallEntry, type Archive, type ArchiveLimits } from '../export/unzip.js';
import { AppError } from '../errors.js';
import type { FileDoc, FileRef, StatusChange } from '../models/index.js';
import type { Actor, Deps } from './context.js';
import { discardUploads, registerUpload, releaseIfUnreferenced, type StoredUpload } from './files.js';
import { resolveProject } from './projects.js';
import { writeRecord } from './record-writer.js';
import { recordFieldsSet, type ProjectRecord } from './records.js';

/**
 * Import of a Process Run Crate (ours or another tool's) as a new record. The crate is checked
 * whole before anything is created: a readable zip inside the limits, a JSON-LD metadata file with
 * a graph, a CreateAction, every file it points at inside the archive, and each file's bytes
 * matching the sha256 the crate declares. Only then are the files stored and the record written,
 * through the record writer; a failure after that removes the stored files again. What the crate
 * says that has no place in a record is kept under `custom["ro-crate"]` and reported.
 */

type Entity = Record<string, unknown> & { '@id': string };

/** Something of the crate that was not mapped onto the record: an entity and the properties left. */
interface Unmapped {
  id: string;
  type: string[];
  properties: string[];
}

/** What an import made: the record, and what the crate held that no record field took. */
export interface Imported extends ProjectRecord {
  unmapped: Unmapped[];
}

const METADATA_MAX_BYTES = 16 * 1024 * 1024;

const typesOf = (entity: Entity | undefined): string[] => {
  const type = entity?.['@type'];
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
};

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).flatMap((item) =>
    typeof item === 'string' ? [item] : item && typeof item === 'object' && typeof (item as Entity)['@id'] === 'string' ? [(item as Entity)['@id']] : [],
  );

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** Parses JSON text kept under a `reprise:` property; a property that does not parse is left unmapped. */
function jsonOf(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The graph of a crate's metadata, or a 400 saying what is wrong with it. */
function graphOf(raw: Buffer): Map<string, Entity> {
  let document: unknown;
  try {
    document = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw invalidCrate('malformed_metadata', `${CRATE_METADATA} is not JSON: ${(error as Error).message}`);
  }
  const graph = document && typeof document === 'object' ? (document as Record<string, unknown>)['@graph'] : undefined;
  if (!document || typeof document !== 'object' || !('@context' in document) || !Array.isArray(graph)) {
    throw invalidCrate('malformed_metadata', `${CRATE_METADATA} is not RO-Crate JSON-LD: it needs "@context" and a "@graph" array of entities.`);
  }
  const entities = new Map<string, Entity>();
  graph.forEach((node: unknown, index) => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || typeof (node as Entity)['@id'] !== 'string') {
      throw invalidCrate('malformed_metadata', `@graph[${index}] is not an entity with a string "@id".`, { index });
    }
    entities.set((node as Entity)['@id'], node as Entity);
  });
  const descriptor = entities.get(CRATE_METADATA) ?? entities.get(`./${CRATE_METADATA}`);
  const root = descriptor ? idsOf(descriptor.about)[0] : undefined;
  if (!descriptor || !root || !entities.has(root)) {
    throw invalidCrate('malformed_metadata', `${CRATE_METADATA} has no metadata descriptor whose "about" names the root dataset.`);
  }
  return entities;
}

/** The action a crate records: the one its root mentions first, else the first CreateAction of the graph. */
function actionOf(entities: Map<string, Entity>): Entity {
  const descriptor = entities.get(CRATE_METADATA) ?? entities.get(`./${CRATE_METADATA}`);
  const root = entities.get(idsOf(descriptor?.about)[0] ?? '');
  const isRun = (entity: Entity | undefined) => typesOf(entity).includes('CreateAction');
  const mentioned = idsOf(root?.mentions).map((id) => entities.get(id)).find(isRun);
  const action = mentioned ?? [...entities.values()].find(isRun);
  if (!action) throw new AppError(422, 'not_a_run', 'The crate records no run: a Process Run Crate describes one with a CreateAction.');
  return action;
}

const STATUS_OF_ACTION: Record<string, RecordStatus> = {
  CompletedActionStatus: 'finished',
  FailedActionStatus: 'crashed',
  ActiveActionStatus: 'running',
  PotentialActionStatus: 'scheduled',
};

/** A file of the crate as the record will hold it, with the archive entry of its bytes when the crate has them. */
interface PlannedFile {
  field: 'inputs' | 'outputs';
  ref: FileRef;
  path: string | null;
  entity: string;
}

/** The property names of the entities the mapping reads; others are reported as unmapped. */
const MAPPED: Record<string, Set<string>> = {
  CreateAction: new Set([
    '@id', '@type', 'name', 'description', 'identifier', 'url', 'instrument', 'agent', 'object', 'result', 'startTime', 'endTime', 'actionStatus', 'error',
    'containerImage', 'keywords', 'reprise:status', 'reprise:outcome', 'reprise:duration', 'reprise:parameters', 'reprise:system', 'reprise:custom',
    'reprise:stdout', 'reprise:stderr', 'reprise:statusHistory', 'reprise:project', 'reprise:private', 'reprise:created', 'reprise:updated', 'reprise:sealedBy',
  ]),
  File: new Set(['@id', '@type', 'name', 'sha256', 'contentSize', 'encodingFormat', 'reprise:path', 'reprise:sha1']),
  PropertyValue: new Set(['@id', '@type', 'name', 'value']),
  SoftwareApplication: new Set(['@id', '@type', 'name', 'softwareVersion', 'version', 'url', 'softwareRequirements', 'reprise:program', 'reprise:manager']),
  Person: new Set(['@id', '@type', 'name', 'reprise:user']),
};

/** Maps the crate's run onto record fields, listing what it could not map. */
function mapRun(entities: Map<string, Entity>, action: Entity, archive: Archive): { push: Schemas['RecordPush']; files: PlannedFile[]; statusHistory: StatusChange[] | undefined; unmapped: Unmapped[] } {
  const unmapped: Unmapped[] = [];
  const leftOver = (entity: Entity, kind: string, extra: string[] = []) => {
    const known = MAPPED[kind] ?? new Set<string>();
    const properties = Object.keys(entity).filter((key) => !known.has(key) && !extra.includes(key));
    if (properties.length > 0) unmapped.push({ id: entity['@id'], type: typesOf(entity), properties });
  };
  const kept: Record<string, unknown> = {};
  const keep = (entity: Entity, kind: string) => {
    const known = MAPPED[kind] ?? new Set<string>();
    const rest = Object.fromEntries(Object.entries(entity).filter(([key]) => !known.has(key) || key === '@id' || key === '@type'));
    if (Object.keys(rest).length > 2 || !MAPPED[kind]) kept[entity['@id']] = rest;
  };

  // Files: the action's objects and results that are Files; PropertyValues among its objects are parameters.
  const files: PlannedFile[] = [];
  const parameterValues: Record<string, unknown> = {};
  for (const [field, property] of [['inputs', 'object'], ['outputs', 'result']] as const) {
    const names = new Set<string>();
    for (const id of idsOf(action[property])) {
      const entity = entities.get(id);
      const types = typesOf(entity);
      if (entity && types.includes('PropertyValue') && field === 'inputs') {
        const name = text(entity.name) ?? id;
        parameterValues[name] = entity.value ?? null;
        leftOver(entity, 'PropertyValue');
        continue;
      }
      if (!entity || !types.includes('File')) {
        unmapped.push({ id, type: types, properties: entity ? Object.keys(entity) : ['(not described in the crate)'] });
        if (entity) kept[id] = entity;
        continue;
      }
      const inArchive = id.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(id) ? null : safeDecode(id).replace(/^\.\//, '');
      if (inArchive !== null && !archive.entries.has(inArchive)) {
        throw invalidCrate('missing_file', `The crate describes "${id}" but the archive does not hold it.`, { path: id });
      }
      const name = normalizeName(text(entity.name) ?? posix.basename(inArchive ?? id.replace(/^#/, '')));
      const nameProblem = filePathProblem(name) ?? (name.includes('/') ? 'a file name cannot contain "/"' : undefined);
      if (nameProblem) throw invalidCrate('bad_file_name', `The crate names a file "${name}": ${nameProblem}.`, { field, name });
      const describedPath = text(entity['reprise:path']);
      const pathProblem = describedPath === undefined ? undefined : filePathProblem(describedPath);
      if (pathProblem) throw invalidCrate('bad_file_name', `The crate gives "${name}" the path "${describedPath ?? ''}": ${pathProblem}.`, { field, name });
      if (names.has(name)) throw invalidCrate('duplicate_file', `Two ${field} of the run are named "${name}".`, { field, name });
      names.add(name);
      const size = Number(text(entity.contentSize));
      files.push({
        field,
        path: inArchive,
        entity: id,
        ref: {
          name,
          path: text(entity['reprise:path']) ?? null,
          sha256: typeof entity.sha256 === 'string' ? entity.sha256.toLowerCase() : null,
          ...(typeof entity['reprise:sha1'] === 'string' ? { sha1: entity['reprise:sha1'] } : {}),
          size: Number.isFinite(size) ? size : null,
          mediaType: text(entity.encodingFormat) ?? null,
          file: null,
        },
      });
      leftOver(entity, 'File');
      keep(entity, 'File');
    }
  }

  const program = entities.get(idsOf(action.instrument)[0] ?? '');
  const programJson = program ? jsonOf(program['reprise:program']) : { ok: false as const };
  const programValue = programJson.ok
    ? (programJson.value ?? undefined)
    : program
      ? { command: text(program.name) ?? program['@id'], ...(text(program.softwareVersion ?? program.version) ? { version: text(program.softwareVersion ?? program.version) } : {}) }
      : undefined;
  if (program) {
    leftOver(program, 'SoftwareApplication');
    keep(program, 'SoftwareApplication');
  }
  const dependencies = idsOf(program?.softwareRequirements).flatMap((id) => {
    const entity = entities.get(id);
    if (!entity) return [];
    leftOver(entity, 'SoftwareApplication');
    return [{ name: text(entity.name) ?? id, version: text(entity.softwareVersion ?? entity.version) ?? '', manager: text(entity['reprise:manager']) ?? null, source: text(entity.url) ?? null }];
  });

  const parametersJson = jsonOf(action['reprise:parameters']);
  const parameters = parametersJson.ok ? parametersJson.value : Object.keys(parameterValues).length > 0 ? parameterValues : undefined;
  const statusText = text(action['reprise:status']);
  const actionStatus = idsOf(action.actionStatus)[0]?.replace(/^https?:\/\/schema\.org\//, '') ?? '';
  const status: RecordStatus = statusText && (RECORD_STATUSES as readonly string[]).includes(statusText) ? (statusText as RecordStatus) : (STATUS_OF_ACTION[actionStatus] ?? 'unknown');
  const historyJson = jsonOf(action['reprise:statusHistory']);
  const statusHistory = historyJson.ok && Array.isArray(historyJson.value) ? historyFrom(historyJson.value) : historyOfTimes(action, status);

  const label = text(action.name);
  const labelOk = label !== undefined && labelProblem(normalizeName(label)) === undefined && !/^[0-9a-f]{24}$/.test(label);
  if (label !== undefined && !labelOk) unmapped.push({ id: action['@id'], type: ['CreateAction'], properties: ['name (not a usable label: a timestamp label is given)'] });
  const keywords = Array.isArray(action.keywords) ? action.keywords.map(String) : typeof action.keywords === 'string' ? action.keywords.split(',').map((tag) => tag.trim()) : [];
  const json = (key: string) => {
    const parsed = jsonOf(action[key]);
    return parsed.ok ? parsed.value : undefined;
  };
  const duration = typeof action['reprise:duration'] === 'number' ? action['reprise:duration'] : undefined;

  leftOver(action, 'CreateAction');
  // The importer owns the new record; the person another tool named as the agent is kept (ours carry their user id).
  const agent = entities.get(idsOf(action.agent)[0] ?? '');
  if (action.agent !== undefined && agent?.['reprise:user'] === undefined) {
    unmapped.push({ id: agent?.['@id'] ?? String(action.agent), type: typesOf(agent), properties: ['agent'] });
    kept.agent = agent ?? action.agent;
  }
  const image = entities.get(idsOf(action.containerImage)[0] ?? '');
  if (action.containerImage !== undefined) {
    // A record runs in a container of its project's history; an image described by a crate is kept, not pushed as one.
    unmapped.push({ id: image?.['@id'] ?? String(action.containerImage), type: typesOf(image), properties: ['containerImage'] });
    kept.containerImage = image ?? action.containerImage;
  }
  const actionRest = Object.fromEntries(Object.entries(action).filter(([key]) => !(MAPPED.CreateAction ?? new Set()).has(key)));
  if (Object.keys(actionRest).length > 0) kept[action['@id']] = actionRest;

  const custom = json('reprise:custom');
  const customValue =
    Object.keys(kept).length > 0 ? { ...(custom && typeof custom === 'object' && !Array.isArray(custom) ? custom : custom === undefined ? {} : { value: custom }), 'ro-crate': kept } : custom;
  const push: Schemas['RecordPush'] = {
    ...(labelOk && label !== undefined ? { label } : {}),
    status,
    ...(programValue !== undefined ? { program: programValue as Schemas['RecordPush']['program'] } : {}),
    ...(parameters !== undefined ? { parameters: parameters as Schemas['RecordPush']['parameters'] } : {}),
    ...(json('reprise:system') !== undefined ? { system: json('reprise:system') } : {}),
    ...(customValue !== undefined ? { custom: customValue as Schemas['RecordPush']['custom'] } : {}),
    dependencies,
    tags: [...new Set(keywords.filter((tag) => tag.length > 0 && tag.length <= 100))].slice(0, 100),
    ...(text(action.description) !== undefined ? { reason: text(action.description) } : {}),
    ...(text(action['reprise:outcome']) !== undefined ? { outcome: text(action['reprise:outcome']) } : {}),
    ...(duration !== undefined && duration >= 0 ? { duration } : {}),
    ...(text(action['reprise:stdout']) !== undefined ? { stdout: text(action['reprise:stdout']) } : {}),
    ...(text(action['reprise:stderr'] ?? action.error) !== undefined ? { stderr: text(action['reprise:stderr'] ?? action.error) } : {}),
  };
  return { push, files, statusHistory, unmapped };
}

function historyFrom(value: unknown[]): StatusChange[] | undefined {
  const changes = value.flatMap((item) => {
    const change = item as { status?: unknown; at?: unknown };
    const at = typeof change.at === 'string' ? new Date(change.at) : null;
    return typeof change.status === 'string' && (RECORD_STATUSES as readonly string[]).includes(change.status) && at && !Number.isNaN(at.getTime())
      ? [{ status: change.status as RecordStatus, at }]
      : [];
  });
  return changes.length > 0 ? changes : undefined;
}

/** A status history from a foreign crate's start and end times. */
function historyOfTimes(action: Entity, status: RecordStatus): StatusChange[] | undefined {
  const start = text(action.startTime) ? new Date(String(action.startTime)) : null;
  const end = text(action.endTime) ? new Date(String(action.endTime)) : null;
  const changes: StatusChange[] = [];
  if (start && !Number.isNaN(start.getTime())) changes.push({ status: status === 'scheduled' ? 'scheduled' : 'started', at: start });
  if (end && !Number.isNaN(end.getTime()) && status !== 'started') changes.push({ status, at: end });
  return changes.length > 0 ? changes : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Creates a record in a project of the actor's from an uploaded crate (a blob the caller stored;
 * it is deleted when done). Nothing is created when the crate is refused.
 */
export async function importCrate(deps: Deps, actor: Actor, projectRef: string, crate: BlobInfo, limits: ArchiveLimits): Promise<Imported> {
  const stored: StoredUpload[] = [];
  try {
    const project = await resolveProject(deps, actor, projectRef, { write: true });
    const archive = await openArchive(deps.blobs, crate.id, crate.size, limits);
    let mapped: ReturnType<typeof mapRun>;
    try {
      const metadata = archive.entries.get(CRATE_METADATA);
      if (!metadata) throw invalidCrate('no_metadata', `The archive has no ${CRATE_METADATA} at its top: it is not an RO-Crate.`);
      const entities = graphOf(await readSmallEntry(archive, metadata, METADATA_MAX_BYTES));
      mapped = mapRun(entities, actionOf(entities), archive);
      // Every file's bytes are stored and checked before anything is created.
      const mismatches: Array<{ name: string; declared: string; actual: string }> = [];
      for (const planned of mapped.files) {
        const entry = planned.path === null ? undefined : archive.entries.get(planned.path);
        if (!entry) continue;
        const blob = await deps.blobs.write(await archive.open(entry), { maxBytes: entry.size, name: planned.ref.name });
        stored.push({ blob, mediaType: planned.ref.mediaType ?? 'application/octet-stream', originalName: planned.ref.name });
        if (planned.ref.sha256 !== null && planned.ref.sha256 !== blob.sha256) mismatches.push({ name: planned.ref.name, declared: planned.ref.sha256, actual: blob.sha256 });
        planned.ref.sha256 = blob.sha256;
        planned.ref.size = blob.size;
      }
      if (mismatches.length > 0) {
        throw new AppError(422, 'digest_mismatch', `The bytes of ${mismatches.map((item) => `"${item.name}"`).join(', ')} do not match the sha256 the crate declares.`, { mismatches });
      }
    } finally {
      archive.close();
    }

    const registered: FileDoc[] = [];
    try {
      let index = 0;
      for (const planned of mapped.files) {
        if (planned.path === null) continue;
        const upload = stored[index];
        index += 1;
        if (!upload) continue;
        const { file, isNew } = await registerUpload(deps, upload);
        if (isNew) registered.push(file);
        planned.ref.file = file._id;
      }
      stored.length = 0;
      const fields = {
        ...recordFieldsSet(mapped.push),
        container: null,
        status: mapped.push.status ?? 'unknown',
        inputs: mapped.files.filter((file) => file.field === 'inputs').map((file) => file.ref),
        outputs: mapped.files.filter((file) => file.field === 'outputs').map((file) => file.ref),
        ...(mapped.statusHistory ? { statusHistory: mapped.statusHistory } : {}),
      };
      const { record } = await writeRecord(deps, actor, project, { label: mapped.push.label, create: fields });
      return { project, record, unmapped: mapped.unmapped };
    } catch (error) {
      for (const file of registered) await releaseIfUnreferenced(deps, file._id);
      throw error;
    }
  } finally {
    await discardUploads(deps, stored);
    await deps.blobs.delete(crate.id);
  }
}
