export * from './database.js';
export * from './factories.js';
export * from '../processes.js';
export * from './build-once.js';
export * from './sif.js';
