import type { components, operations } from '@reprise/contract';
import type { QueryOf as QueryOfOperation } from './transport.js';

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
/** A record's final scalar results by name. */
export type Metrics = Schemas['Metrics'];
/** The parameter and metric paths of a project's records (the dashboard's worksheet columns). */
export type RecordPathPage = Schemas['RecordPathPage'];
/** A record's status. */
export type RecordStatus = Schemas['RecordStatus'];
/** An input or output as declared by a client. */
export type FileRefInput = Schemas['FileRefInput'];
/** A software dependency. */
export type Dependency = Schemas['Dependency'];
/** The manifest of a file/push. */
export type FileManifest = Schemas['FileManifest'];
/** What record/import made: the record, and what of the crate no record field took. */
export type ImportResult = Schemas['ImportResult'];
/** One page of a list. */
export interface Page<T> {
  data: T[];
  page: { next: string | null };
}

type QueryOf<Op extends keyof operations> = QueryOfOperation<operations[Op]>;

/** Filters of record/display (a project's records). */
export type RecordListQuery = QueryOf<'listRecords'>;
/** Filters of record/search. */
export type RecordSearchQuery = QueryOf<'searchRecords'>;
/** Filters of project/search. */
export type ProjectSearchQuery = QueryOf<'searchProjects'>;

/** The signed-in user (cloud). */
export type Me = Schemas['Me'];
/** The signed-in user's account with its API token's prefix and dates. */
export type Account = Schemas['Account'];
/** A new API token, shown once. */
export type NewToken = Schemas['NewToken'];
/** What sign-up takes. */
export type Registration = Schemas['Registration'];
/** What sign-in takes. */
export type Credentials = Schemas['Credentials'];
/** What a password change takes. */
export type PasswordChange = Schemas['PasswordChange'];
/** The signed-in user's summary. */
export type Dashboard = Schemas['Dashboard'];
/** What creating a project by hand takes. */
export type ProjectCreate = Schemas['ProjectCreate'];
/** What editing a project takes. */
export type ProjectEdit = Schemas['ProjectEdit'];
/** What editing a record takes. */
export type RecordEdit = Schemas['RecordEdit'];
/** What a deletion removed. */
export type DeletionReport = Schemas['DeletionReport'];
/** Two records compared: evidence, table cell, allowed propositions. */
export type Comparison = Schemas['Comparison'];
/** The evidence of a comparison. */
export type Evidence = Schemas['Evidence'];
/** Two outputs paired and compared. */
export type OutputPair = Schemas['OutputPair'];
/** Differences between two JSON values. */
export type JsonDifferences = Schemas['JsonDifferences'];
/** A cell of the assessment table. */
export type AssessmentCell = Schemas['AssessmentCell'];
/** How a diff request judges the outputs. */
export type DiffMethod = Schemas['DiffMethod'];
/** What a diff request claims. */
export type Proposition = Schemas['Proposition'];
/** Where a diff request stands. */
export type DiffStatus = Schemas['DiffStatus'];
/** A diff request in a list. */
export type DiffRequestSummary = Schemas['DiffRequestSummary'];
/** A diff request with its evidence. */
export type DiffRequest = Schemas['DiffRequest'];
/** What proposing a diff request takes (`method` defaults to `default`, `tolerance` to 0). */
export type DiffRequestCreate = Schemas['DiffRequestCreate'];
/** What answering a diff request takes. */
export type DiffAnswerInput = Schemas['DiffAnswerInput'];
/** Agreed diff requests by proposition. */
export type Tally = Schemas['Tally'];
/** A project's reproducibility tally, overall and per record. */
export type Reproducibility = Schemas['Reproducibility'];

/** Filters of the signed-in user's projects (cloud). */
export type MyProjectsQuery = QueryOf<'listMyProjects'>;
/** Filters of the signed-in user's records (cloud). */
export type MyRecordsQuery = QueryOf<'listMyRecords'>;
/** Pages of a project's container history (cloud). */
export type ContainersQuery = QueryOf<'listProjectContainers'>;
/** Filters of the diff requests about one record (cloud). */
export type RecordDiffsQuery = QueryOf<'listRecordDiffRequests'>;
/** Options of a comparison (cloud). */
export type CompareQuery = QueryOf<'compareRecords'>;
/** Filters and order of a project's records (cloud). */
export type ProjectRecordsQuery = QueryOf<'listProjectRecords'>;
/** Filters, order and columns of a project's records as CSV (cloud). */
export type ProjectRecordsCsvQuery = QueryOf<'exportProjectRecords'>;
/** Filters of public project browsing. */
export type PublicProjectsQuery = QueryOf<'browsePublicProjects'>;
/** Filters of public record browsing. */
export type PublicRecordsQuery = QueryOf<'browsePublicRecords'>;
/** Which diff requests to list. */
export type DiffListQuery = QueryOf<'listDiffRequests'>;

/** A kind of event a user is told about (cloud). */
export type NotificationKind = Schemas['NotificationKind'];
/** One event told to the signed-in user (cloud). */
export type Notification = Schemas['Notification'];
/** Filters of the notification list (cloud). */
export type NotificationsQuery = QueryOf<'listNotifications'>;
/** Whether the server sends email, and the kinds the user gets none for (cloud). */
export type NotificationSettings = Schemas['NotificationSettings'];
/** A webhook of the signed-in user's, without its secret (cloud). */
export type Webhook = Schemas['Webhook'];
/** What adding a webhook takes (cloud). */
export type WebhookCreate = Schemas['WebhookCreate'];
/** A new webhook with its signing secret, shown once (cloud). */
export type NewWebhook = Schemas['NewWebhook'];
/** One delivery of an event to a webhook, with its attempts (cloud). */
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** A reproduction job (cloud list and worker API). */
export type ReproductionJob = Schemas['ReproductionJob'];
/** What asking for a reproduction takes. */
export type ReproductionCreate = Schemas['ReproductionCreate'];
/** Filters of the signed-in user's reproduction jobs. */
export type ReproductionsQuery = QueryOf<'listReproductions'>;
/** What a worker asks for when it leases a job. */
export type JobLeaseRequest = Schemas['JobLeaseRequest'];
/** A leased job with its lease id and the record to run again (all null when nothing waits). */
export type JobLease = Schemas['JobLease'];
/** How a worker may run a record. */
export type Executor = Schemas['Executor'];
