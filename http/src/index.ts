export * from './download.js';
export * from './errors.js';
export * from './health.js';
export * from './logging.js';
export * from './serve.js';
export * from './validate.js';
export * from './upload.js';
