/**
 * @reprise/sdk/node: the Node-only parts of the SDK: the record store and its durable queue,
 * files on disk (streamed uploads, verified downloads), a cookie-keeping cloud client, detection of git state, host and
 * dependencies, `recordRun()` (what `reprise run` does) and the user config of the CLI.
 */
import { ApiClient, type ApiClientOptions } from './api-client.js';
import { streamingFetch } from './node/http-fetch.js';

export * from './index.js';
export * from './node/config.js';
export * from './node/cookies.js';
export * from './node/detect.js';
export * from './node/files.js';
export * from './node/http-fetch.js';
export * from './node/queue.js';
export * from './node/run.js';
export * from './node/store.js';
export * from './node/webhooks.js';

/** An API client for Node: uploads are streamed from disk with progress, in flat memory. */
export function createNodeClient(options: ApiClientOptions): ApiClient {
  return new ApiClient({ uploads: 'stream', fetch: streamingFetch, ...options });
}
