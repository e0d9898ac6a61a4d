import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../db.js';

/**
 * Runs `build` unless `isBuilt()` says its output is there, once across test files running in
 * parallel: a lock directory (named after `name` and this checkout) serializes them, and whoever
 * takes it after the first finds the work done. For tests run by hand; `npm test` builds first.
 */
export function buildOnce(name: string, isBuilt: () => boolean, build: () => void, timeoutMs = 180_000): void {
  if (isBuilt()) return;
  const lock = path.join(tmpdir(), `reprise-${name}-build-${Buffer.from(repoRoot).toString('hex').slice(-24)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
      spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 250)']);
    }
  }
  try {
    if (!isBuilt()) build();
  } finally {
    rmdirSync(lock);
  }
}
