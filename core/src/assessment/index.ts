export * from './cache.js';
export * from './compare.js';
export * from './evidence.js';
export * from './levenshtein.js';
export * from './pool.js';
export * from './table.js';
export * from './text.js';
