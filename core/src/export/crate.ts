import type { Schemas } from '@reprise/contract';

/**
 * The metadata of an RO-Crate 1.1 that follows the Process Run Crate profile, built from records
 * as clients see them (presented: nothing a viewer may not see goes in). A run is a CreateAction:
 * the program its instrument (a SoftwareApplication), inputs its object, outputs its result, the
 * owner its agent, the container image its containerImage, parameters as PropertyValues. What the
 * profile has no term for is kept under `reprise:` properties (JSON text where the value is
 * structured, so that JSON-LD processors read it as a literal) and listed in the README.
 */

/** The RO-Crate specification version the metadata descriptor conforms to. */
const RO_CRATE_SPEC = 'https://w3id.org/ro/crate/1.1';
/** The profile the root dataset conforms to. */
const PROCESS_RUN_CRATE = 'https://w3id.org/ro/wfrun/process/0.5';
/** Reprise's own vocabulary for what the profile has no term for. */
export const REPRISE_TERMS = 'https://w3id.org/reprise/terms#';
/** The name of the metadata file inside a crate. */
export const CRATE_METADATA = 'ro-crate-metadata.json';

const CONTEXT = ['https://w3id.org/ro/crate/1.1/context', 'https://w3id.org/ro/terms/workflow-run/context', { reprise: REPRISE_TERMS }];

type Json = Schemas['Record']['parameters'];
/** One JSON-LD node of the graph. */
type Entity = { '@id': string; '@type': string | string[] } & Record<string, unknown>;

/** A record and what its crate says of it. */
export interface CrateRecord {
  record: Schemas['Record'];
  container: Schemas['Container'] | null;
  /** The diff requests that seal it (agreed), as their ids. */
  sealedBy: string[];
}

/** A file that goes into the zip beside the metadata: the path inside the archive and where its bytes are. */
interface CrateFile {
  path: string;
  file: string;
  size: number | null;
}

/** What a crate is made of: its metadata and the files to put beside it. */
export interface Crate {
  metadata: { '@context': unknown; '@graph': Entity[] };
  files: CrateFile[];
}

/** What a crate is built with. */
export interface CrateOptions {
  /** The public base URL of the dashboard (permanent links are `<publicUrl>/r/<id>`). */
  publicUrl: string;
  /** Put the files' bytes into the archive (else they are described only). */
  files: boolean;
  /** Put the container image's bytes into the archive when it is stored here. */
  image: boolean;
  /** When the crate was made. */
  now: Date;
}

/** The permanent link of a record. */
export function recordUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/r/${id}`;
}

/** The link of a diff request (a verdict) in the dashboard. */
export function verdictUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/requests/${id}`;
}

const ref = (id: string) => ({ '@id': id });
const jsonText = (value: unknown) => JSON.stringify(value);

/** The Process Run Crate action status of a record status. */
function actionStatusOf(status: Schemas['Record']['status']): string {
  switch (status) {
    case 'finished':
      return 'http://schema.org/CompletedActionStatus';
    case 'crashed':
    case 'aborted':
      return 'http://schema.org/FailedActionStatus';
    case 'started':
    case 'running':
    case 'paused':
      return 'http://schema.org/ActiveActionStatus';
    default:
      return 'http://schema.org/PotentialActionStatus';
  }
}

const ENDED = new Set(['finished', 'crashed', 'aborted']);
const STARTED = new Set(['started', 'running']);

/** When the run started and ended, as its status history says (the first start, the last end). */
export function runTimes(record: Pick<Schemas['Record'], 'statusHistory' | 'created'>): { start: string; end: string | null } {
  const start = record.statusHistory.find((change) => STARTED.has(change.status))?.at ?? record.statusHistory[0]?.at ?? record.created;
  const end = [...record.statusHistory].reverse().find((change) => ENDED.has(change.status))?.at ?? null;
  return { start, end };
}

/** Scalar leaves of a parameters document by dotted path (arrays and empty objects as JSON text). */
export function parameterLeaves(value: Json, prefix = ''): Array<{ name: string; value: string | number | boolean | null }> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, child]) => parameterLeaves(child as Json, prefix ? `${prefix}.${key}` : key));
  }
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [{ name: prefix || 'parameters', value }];
  return [{ name: prefix || 'parameters', value: JSON.stringify(value) }];
}

/** The name a program is known by: its command or script, else "program". */
function programName(program: Json): string {
  if (program && typeof program === 'object' && !Array.isArray(program)) {
    for (const key of ['name', 'entryPoint', 'command', 'executable', 'main_file', 'script', 'entry_point']) {
      const value = (program as Record<string, unknown>)[key];
      if (typeof value === 'string' && value) return value;
      if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).name === 'string') return String((value as Record<string, unknown>).name);
    }
  }
  if (typeof program === 'string' && program) return program;
  return 'program';
}

/** The graph of one record: its action and what it points at, with ids under `base` (empty for a crate of one record). */
function recordEntities(entry: CrateRecord, base: string, options: CrateOptions): { entities: Entity[]; files: CrateFile[]; action: string; parts: string[] } {
  const { record, container } = entry;
  const entities: Entity[] = [];
  const files: CrateFile[] = [];
  const parts: string[] = [];
  const action = `#${base}run`;
  const program = `#${base}program`;
  const person = `#${base}owner`;
  const times = runTimes(record);

  const fileEntity = (side: 'inputs' | 'outputs', item: Schemas['FileRef']): string => {
    const inside = options.files && item.file !== null;
    const id = inside ? `${base}${side}/${item.name}` : `#${base}${side}/${item.name}`;
    entities.push({
      '@id': id,
      '@type': 'File',
      name: item.name,
      ...(item.sha256 ? { sha256: item.sha256 } : {}),
      ...(item.size !== null ? { contentSize: String(item.size) } : {}),
      ...(item.mediaType ? { encodingFormat: item.mediaType } : {}),
      ...(item.path !== null ? { 'reprise:path': item.path } : {}),
      ...(item.sha1 ? { 'reprise:sha1': item.sha1 } : {}),
    });
    if (inside && item.file) {
      files.push({ path: id, file: item.file, size: item.size });
      parts.push(id);
    }
    return id;
  };

  const parameters = parameterLeaves(record.parameters ?? null).filter(() => record.parameters !== null);
  const parameterIds = parameters.map((parameter, index) => {
    const id = `#${base}param-${index}`;
    entities.push({ '@id': id, '@type': 'PropertyValue', name: parameter.name, value: parameter.value });
    return id;
  });

  const inputIds = (record.inputs ?? []).map((item) => fileEntity('inputs', item));
  const outputIds = (record.outputs ?? []).map((item) => fileEntity('outputs', item));

  const dependencyIds = record.dependencies.map((dependency, index) => {
    const id = `#${base}dependency-${index}`;
    entities.push({
      '@id': id,
      '@type': 'SoftwareApplication',
      name: dependency.name,
      ...(dependency.version ? { softwareVersion: dependency.version } : {}),
      ...(dependency.source ? { url: dependency.source } : {}),
      ...(dependency.manager ? { 'reprise:manager': dependency.manager } : {}),
    });
    return id;
  });

  entities.push({
    '@id': program,
    '@type': 'SoftwareApplication',
    name: programName(record.program),
    ...(dependencyIds.length > 0 ? { softwareRequirements: dependencyIds.map(ref) } : {}),
    // Always written ("null" when the tool sent none), so that an import does not invent one from the name.
    'reprise:program': jsonText(record.program ?? null),
  });
  entities.push({ '@id': person, '@type': 'Person', name: record.owner.name, 'reprise:user': record.owner.id });

  let image: string | null = null;
  if (container) {
    image = `#${base}container`;
    const stored = container.image;
    const inside = options.image && stored?.file ? `${base}container/${stored.name ?? 'image'}` : null;
    if (inside && stored?.file) {
      files.push({ path: inside, file: stored.file, size: stored.size ?? null });
      parts.push(inside);
    }
    const [registry, name, tag] = splitReference(stored?.reference ?? null);
    entities.push({
      '@id': image,
      '@type': 'ContainerImage',
      additionalType: ref(
        container.system === 'singularity' || container.system === 'apptainer' || stored?.sif ? 'https://w3id.org/ro/terms/workflow-run#SIFImage' : 'https://w3id.org/ro/terms/workflow-run#DockerImage',
      ),
      name: name ?? stored?.name ?? container.system,
      ...(registry ? { registry } : {}),
      ...(tag ? { tag } : {}),
      ...(stored?.sha256 || stored?.digest ? { sha256: (stored.sha256 ?? stored.digest ?? '').replace(/^sha256:/, '') } : {}),
      ...(inside ? { 'reprise:file': ref(inside) } : {}),
      'reprise:container': jsonText({ ...container, id: undefined, project: undefined, position: undefined, created: undefined }),
    });
  }

  const ended = times.end !== null && ENDED.has(record.status);
  entities.push({
    '@id': action,
    '@type': 'CreateAction',
    name: record.label,
    ...(record.reason ? { description: record.reason } : {}),
    identifier: recordUrl(options.publicUrl, record.id),
    url: recordUrl(options.publicUrl, record.id),
    instrument: ref(program),
    agent: ref(person),
    object: [...inputIds, ...parameterIds].map(ref),
    result: outputIds.map(ref),
    startTime: times.start,
    ...(ended && times.end ? { endTime: times.end } : {}),
    actionStatus: ref(actionStatusOf(record.status)),
    ...(record.status === 'crashed' || record.status === 'aborted' ? { error: record.stderr || record.outcome || record.status } : {}),
    ...(image ? { containerImage: ref(image) } : {}),
    ...(record.tags.length > 0 ? { keywords: record.tags } : {}),
    'reprise:status': record.status,
    ...(record.outcome ? { 'reprise:outcome': record.outcome } : {}),
    ...(record.duration !== null ? { 'reprise:duration': record.duration } : {}),
    ...(record.parameters !== null ? { 'reprise:parameters': jsonText(record.parameters) } : {}),
    ...(record.system !== null ? { 'reprise:system': jsonText(record.system) } : {}),
    ...(record.custom !== null ? { 'reprise:custom': jsonText(record.custom) } : {}),
    ...(record.stdout ? { 'reprise:stdout': record.stdout } : {}),
    ...(record.stderr ? { 'reprise:stderr': record.stderr } : {}),
    'reprise:statusHistory': jsonText(record.statusHistory),
    'reprise:project': record.projectName,
    'reprise:private': record.private,
    'reprise:created': record.created,
    'reprise:updated': record.updated,
    ...(entry.sealedBy.length > 0 ? { 'reprise:sealedBy': entry.sealedBy.map((id) => ref(verdictUrl(options.publicUrl, id))) } : {}),
  });
  return { entities, files, action, parts };
}

/** A registry reference `registry/name:tag` split into its parts (the registry only when it looks like a host). */
function splitReference(reference: string | null): [string | null, string | null, string | null] {
  if (!reference) return [null, null, null];
  const withoutDigest = reference.split('@')[0] ?? reference;
  const slash = withoutDigest.indexOf('/');
  const head = slash > 0 ? withoutDigest.slice(0, slash) : '';
  const registry = head.includes('.') || head.includes(':') || head === 'localhost' ? head : null;
  const rest = registry ? withoutDigest.slice(slash + 1) : withoutDigest;
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? [registry, rest.slice(0, colon), rest.slice(colon + 1)] : [registry, rest, null];
}

/** The assessment of a diff request as an action that used both records' runs. */
function verdictEntities(request: Schemas['DiffRequest'], actions: Map<string, string>, options: CrateOptions): Entity[] {
  const id = `#verdict-${request.id}`;
  const assessor = request.answer?.by ?? request.targetOwner;
  const result = `#verdict-${request.id}-result`;
  const people = [request.sender, assessor].filter((person, index, all) => all.findIndex((other) => other.id === person.id) === index);
  return [
    ...people.map((person) => ({ '@id': `#user-${person.id}`, '@type': 'Person', name: person.name, 'reprise:user': person.id })),
    {
      '@id': result,
      '@type': 'PropertyValue',
      name: 'proposition',
      value: request.proposition,
      description: `Table cell: ${request.cell}; status: ${request.status}.`,
    },
    {
      '@id': id,
      '@type': 'AssessAction',
      name: `${request.proposition} (${request.status})`,
      identifier: verdictUrl(options.publicUrl, request.id),
      url: verdictUrl(options.publicUrl, request.id),
      object: [request.from.id, request.toward.id].map((record) => ref(actions.get(record) ?? recordUrl(options.publicUrl, record))),
      agent: ref(`#user-${assessor.id}`),
      participant: ref(`#user-${request.sender.id}`),
      result: ref(result),
      startTime: request.created,
      ...(request.answer ? { endTime: request.answer.at } : {}),
      actionStatus: ref(
        request.status === 'agreed'
          ? 'http://schema.org/CompletedActionStatus'
          : request.status === 'denied'
            ? 'http://schema.org/FailedActionStatus'
            : 'http://schema.org/PotentialActionStatus',
      ),
      ...(request.answer?.comment ? { description: request.answer.comment } : {}),
      'reprise:method': request.method,
      ...(request.description ? { 'reprise:methodDescription': request.description } : {}),
      'reprise:tolerance': request.tolerance,
      'reprise:cell': request.cell,
      'reprise:status': request.status,
      ...(request.evidence ? { 'reprise:evidence': jsonText(request.evidence) } : {}),
      ...(request.basis ? { 'reprise:basis': jsonText(request.basis) } : {}),
    },
  ];
}

/** What a crate is about: one record, a project's records, or a verdict and its two records. */
export type CrateSubject =
  | { kind: 'record'; record: CrateRecord }
  | { kind: 'project'; project: Schemas['Project']; records: CrateRecord[] }
  | { kind: 'verdict'; request: Schemas['DiffRequest']; records: CrateRecord[] };

/** Builds the crate of a subject: the metadata and the files to archive beside it. */
export function buildCrate(subject: CrateSubject, options: CrateOptions): Crate {
  const entries = subject.kind === 'record' ? [subject.record] : subject.records;
  const single = subject.kind === 'record';
  const graph: Entity[] = [];
  const files: CrateFile[] = [];
  const parts: string[] = [];
  const actions = new Map<string, string>();
  for (const entry of entries) {
    const built = recordEntities(entry, single ? '' : `${entry.record.id}/`, options);
    graph.push(...built.entities);
    files.push(...built.files);
    parts.push(...built.parts);
    actions.set(entry.record.id, built.action);
  }
  const mentions = [...actions.values()];
  if (subject.kind === 'verdict') {
    graph.push(...verdictEntities(subject.request, actions, options));
    mentions.push(`#verdict-${subject.request.id}`);
  }
  const root: Entity = {
    '@id': './',
    '@type': 'Dataset',
    conformsTo: ref(PROCESS_RUN_CRATE),
    ...rootDescription(subject, options),
    datePublished: options.now.toISOString(),
    hasPart: parts.map(ref),
    mentions: mentions.map(ref),
  };
  const descriptor: Entity = { '@id': CRATE_METADATA, '@type': 'CreativeWork', conformsTo: ref(RO_CRATE_SPEC), about: ref('./') };
  const profile: Entity = { '@id': PROCESS_RUN_CRATE, '@type': 'CreativeWork', name: 'Process Run Crate', version: '0.5' };
  return { metadata: { '@context': CONTEXT, '@graph': [descriptor, root, profile, ...graph] }, files };
}

function rootDescription(subject: CrateSubject, options: CrateOptions): Record<string, unknown> {
  switch (subject.kind) {
    case 'record': {
      const { record } = subject.record;
      return {
        name: `${record.projectName}: ${record.label}`,
        description: `Run "${record.label}" of project ${record.projectName} (status ${record.status}), exported from Reprise.`,
        identifier: recordUrl(options.publicUrl, record.id),
      };
    }
    case 'project':
      return {
        name: subject.project.name,
        description: subject.project.description || `The ${subject.records.length} runs of project ${subject.project.name}, exported from Reprise.`,
        ...(subject.project.tags.length > 0 ? { keywords: subject.project.tags } : {}),
        'reprise:project': subject.project.id,
      };
    case 'verdict':
      return {
        name: `Verdict: ${subject.request.proposition}`,
        description: `A diff request asking whether two runs are ${subject.request.proposition} (status ${subject.request.status}), with its evidence and both runs, exported from Reprise.`,
        identifier: verdictUrl(options.publicUrl, subject.request.id),
      };
  }
}
