export * from './db.js';
export * from './processes.js';
export * from './texts.js';
