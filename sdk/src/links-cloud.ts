import type { Download, DownloadOptions } from './api-client.js';
import type { CloudClient } from './cloud-client.js';
import type { Comparison, CompareQuery, Page, RecordAtom, RecordSummary, Schemas } from './types.js';

/** A reviewer link as its owner sees it (never its secret). */
export type ReviewerLink = Schemas['Link'];
/** A new reviewer link: with its secret and URL, shown this once. */
export type NewReviewerLink = Schemas['NewLink'];
/** What a reviewer link is made of: a project or a record, an expiry, anonymity. */
export type ReviewerLinkCreate = Schemas['LinkCreate'];
/** What a reviewer link shows its holder: the project and, for a record link, the record. */
export type SharedView = Schemas['SharedView'];

/** The signed-in user's reviewer links: make, list, read, revoke. */
export class LinksCloud {
  constructor(private readonly client: CloudClient) {}

  /** The signed-in user's links, newest first, with their last use. */
  list(query: { cursor?: string; limit?: number } = {}, options: { signal?: AbortSignal } = {}): Promise<Page<ReviewerLink>> {
    return this.client.call('GET', '/cloud/v1/links', { ...options, query });
  }

  /** Makes a read-only link to one of the signed-in user's projects or records; its secret is in this answer only. */
  create(body: ReviewerLinkCreate): Promise<NewReviewerLink> {
    return this.client.call('POST', '/cloud/v1/links', { body });
  }

  /** One of the signed-in user's links. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<ReviewerLink> {
    return this.client.call('GET', '/cloud/v1/links/{id}', { ...options, path: { id } });
  }

  /** Revokes a link: it is a 404 from then on. */
  revoke(id: string): Promise<ReviewerLink> {
    return this.client.call('DELETE', '/cloud/v1/links/{id}', { path: { id } });
  }
}

/** Reads through a reviewer link, without a session: what it names, its records, files and comparisons. */
export class SharedCloud {
  constructor(private readonly client: CloudClient) {}

  /** What the link names. */
  open(secret: string, options: { signal?: AbortSignal } = {}): Promise<SharedView> {
    return this.client.call('GET', '/cloud/v1/shared/{secret}', { ...options, path: { secret } });
  }

  /** The records the link reaches, newest first. */
  records(secret: string, query: { cursor?: string; limit?: number } = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/cloud/v1/shared/{secret}/records', { ...options, path: { secret }, query });
  }

  /** One record the link reaches, with every field. */
  record(secret: string, id: string, options: { signal?: AbortSignal } = {}): Promise<RecordAtom> {
    return this.client.call('GET', '/cloud/v1/shared/{secret}/records/{id}', { ...options, path: { secret, id } });
  }

  /** The URL of a file of a record the link reaches, for download links. */
  fileUrl(secret: string, id: string, file: string): string {
    return this.client.link('/cloud/v1/shared/{secret}/records/{id}/files/{file}', { path: { secret, id, file } });
  }

  /** Downloads a file of a record the link reaches, optionally a byte range of it. */
  file(secret: string, id: string, file: string, options: DownloadOptions = {}): Promise<Download> {
    return this.client.download('/cloud/v1/shared/{secret}/records/{id}/files/{file}', { path: { secret, id, file } }, options);
  }

  /** The evidence for two records the link reaches. */
  compare(secret: string, a: string, b: string, query: CompareQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Comparison> {
    return this.client.call('GET', '/cloud/v1/shared/{secret}/records/{a}/compare/{b}', { ...options, path: { secret, a, b }, query });
  }
}
