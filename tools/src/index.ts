export * from './db.js';
export * from './processes.js';
