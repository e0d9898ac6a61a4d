export * from './cache.js';
export * from './compare.js';
export * from './levenshtein.js';
export * from './pool.js';
export * from './refusal.js';
export * from './text.js';
export { compareNumericStreams } from './numeric-run.js';
