export * from './db.js';
export * from './processes.js';
export * from './texts.js';
export * from './venv.js';
