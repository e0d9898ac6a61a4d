export { createApp } from './app.js';
export { createLogger } from '@reprise/http';
