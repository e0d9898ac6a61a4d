export * from './attachments.js';
export * from './containers.js';
export * from './context.js';
export * from './files.js';
export * from './ids.js';
export * from './owners.js';
export * from './projects.js';
export * from './records.js';
