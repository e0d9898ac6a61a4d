/** Starting the assessment engine's worker threads, from the compiled package or the TypeScript sources. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker `<name>.worker` of this folder. From the compiled package the worker is the .js
 * file next to this one; from the TypeScript sources (vitest, tsx) it is the .ts file, which plain
 * Node cannot load, so it goes through tsx's loader (`tsImport`, which, unlike `--import tsx` in
 * execArgv, works in worker threads).
 */
export function startWorker(name: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.worker.js`, here));
  const tsx = tsxApiUrl(here);
  const entry = new URL(`./${name}.worker.ts`, here).href;
  const source =
    `import(${JSON.stringify(tsx)}).then((api) => ` +
    `(api.tsImport ?? api.default.tsImport)(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`;
  return new Worker(source, { eval: true });
}

/** The ESM entry of tsx's API (its CommonJS entry cannot be imported from an ES module). */
function tsxApiUrl(from: string): string {
  const require = createRequire(from);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports?: Record<string, { import?: { default?: string } } | string> };
  const api = manifest.exports?.['./esm/api'];
  const entry = typeof api === 'object' && api.import?.default ? api.import.default : './dist/esm/api/index.mjs';
  return pathToFileURL(path.join(path.dirname(manifestPath), entry)).href;
}
