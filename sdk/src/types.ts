import type { components, operations } from '@reprise/contract';

/** Every named schema of openapi.yaml (generated types). */
export type Schemas = components['schemas'];
/** A project. */
export type Project = Schemas['Project'];
/** A project with its containers and counts (project/pull). */
export type ProjectDetail = Schemas['ProjectDetail'];
/** What project/push accepts. */
export type ProjectPush = Schemas['ProjectPush'];
/** A container version. */
export type Container = Schemas['Container'];
/** What container/push accepts (as JSON, or as the multipart `metadata`). */
export type ContainerPush = Schemas['ContainerPush'];
/** A record with every field. */
export type RecordAtom = Schemas['Record'];
/** A record in a list. */
export type RecordSummary = Schemas['RecordSummary'];
/** What record/push accepts to create a record. */
export type RecordPush = Schemas['RecordPush'];
/** What record/push/{record} accepts to update one. */
export type RecordUpdate = Schemas['RecordUpdate'];
/** A record's status. */
export type RecordStatus = Schemas['RecordStatus'];
/** An input or output as declared by a client. */
export type FileRefInput = Schemas['FileRefInput'];
/** A software dependency. */
export type Dependency = Schemas['Dependency'];
/** The manifest of a file/push. */
export type FileManifest = Schemas['FileManifest'];
/** One page of a list. */
export interface Page<T> {
  data: T[];
  page: { next: string | null };
}

type QueryOf<Op extends keyof operations> = operations[Op]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : never;

/** Filters of record/display (a project's records). */
export type RecordListQuery = QueryOf<'listRecords'>;
/** Filters of record/search. */
export type RecordSearchQuery = QueryOf<'searchRecords'>;
/** Filters of project/search. */
export type ProjectSearchQuery = QueryOf<'searchProjects'>;
