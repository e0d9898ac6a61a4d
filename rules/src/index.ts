export * from './errors.js';
export * from './evidence.js';
export * from './names.js';
export * from './policies.js';
export * from './status.js';
export * from './table.js';
export * from './words.js';
export * from './jobs.js';
