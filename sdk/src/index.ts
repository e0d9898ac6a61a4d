/**
 * @reprise/sdk: the typed clients of Reprise's API service and cloud service, safe for browsers (no Node modules).
 * Node-only parts (record store, durable queue, files on disk, the CLI) are in `@reprise/sdk/node`.
 */
export * from './api-client.js';
export * from './cloud-client.js';
export * from './errors.js';
export * from './format.js';
export * from './links-cloud.js';
export * from './multipart.js';
export * from './transport.js';
export type * from './types.js';
