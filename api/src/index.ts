export { createApp } from './app.js';
export type { ApiDeps } from './http/context.js';
export { createLogger, redactUrl } from '@reprise/http';
