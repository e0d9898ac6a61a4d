export * from './lib.js';
