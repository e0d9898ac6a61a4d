import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The repository's own ESLint configuration; type information is left out because the files below
// exist only as text, and the import rules do not need it.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

/** The import-rule messages ESLint gives for `source` as if it were the file at `file`. */
async function refusals(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message);
}

describe('the layer rules of the linter', () => {
  it('keeps api and cloud from importing each other, in code and in tests', async () => {
    expect(await refusals('api/src/records/x.ts', "export { createCloudApp } from '@reprise/cloud';\n")).toEqual([expect.stringContaining('api and cloud never import each other')]);
    expect(await refusals('cloud/src/projects/x.ts', "export { createApp } from '@reprise/api';\n")).toHaveLength(1);
    expect(await refusals('cloud/src/projects/x.test.ts', "export { createApp } from '@reprise/api';\n")).toHaveLength(1);
    expect(await refusals('api/src/records/x.ts', "export { loadConfig } from '@reprise/core';\nexport { errorHandler } from '@reprise/http';\n")).toEqual([]);
  });

  it('lets only core, tools, bench and tests import mongoose', async () => {
    const source = "export { Types } from 'mongoose';\n";
    for (const file of ['api/src/http/x.ts', 'cloud/src/auth/x.ts', 'http/src/x.ts', 'sdk/src/x.ts', 'frontend/src/server/x.ts']) {
      expect(await refusals(file, source), file).toEqual([expect.stringContaining('Only core')]);
    }
    for (const file of ['core/src/services/x.ts', 'tools/src/x.ts', 'bench/src/x.ts', 'cloud/src/auth/x.test.ts', 'api/src/test/x.ts']) {
      expect(await refusals(file, source), file).toEqual([]);
    }
  });

  it('lets rules import types from the contract and nothing else of ours or of anyone', async () => {
    expect(await refusals('rules/src/x.ts', "import type { Schemas } from '@reprise/contract';\nexport type X = Schemas;\n")).toEqual([]);
    expect(await refusals('rules/src/x.ts', "import { helper } from './helper.js';\nexport const y = helper;\n")).toEqual([]);
    expect(await refusals('rules/src/x.ts', "export { Schemas } from '@reprise/contract';\n")).toHaveLength(1);
    expect(await refusals('rules/src/x.ts', "export { loadConfig } from '@reprise/core';\n")).not.toEqual([]);
    expect(await refusals('rules/src/x.ts', "export { z } from 'zod';\n")).toEqual([expect.stringContaining('dependency-free')]);
    expect(await refusals('rules/src/x.ts', "export { createHash } from 'node:crypto';\n")).toEqual([expect.stringContaining('dependency-free')]);
  });

  it('keeps contract, core and the sdk below the layers that use them', async () => {
    expect(await refusals('contract/src/x.ts', "export { loadConfig } from '@reprise/core';\n")).toHaveLength(1);
    expect(await refusals('core/src/x.ts', "export { errorHandler } from '@reprise/http';\n")).toHaveLength(1);
    expect(await refusals('sdk/src/x.ts', "export { loadConfig } from '@reprise/core';\n")).toHaveLength(1);
    expect(await refusals('core/src/x.ts', "import type { Schemas } from '@reprise/contract';\nexport type X = Schemas;\n")).toEqual([]);
  });

  it('keeps Node out of the dashboard client code', async () => {
    for (const source of ["export { loadConfig } from '@reprise/core';\n", "export { readFile } from 'node:fs/promises';\n", "export { readFile } from 'fs';\n", "export { nodeFetch } from '@reprise/sdk/node';\n", "export { security } from '../../server/security.js';\n"]) {
      expect(await refusals('frontend/src/app/pages/x.tsx', source), source).toHaveLength(1);
    }
    expect(await refusals('frontend/src/app/pages/x.tsx', "export { CloudClient } from '@reprise/sdk';\n")).toEqual([]);
  });

  it('refuses reaching into another workspace by a relative path', async () => {
    expect(await refusals('api/src/records/x.ts', "export { createCloudApp } from '../../../cloud/src/index.js';\n")).not.toEqual([]);
    expect(await refusals('bench/src/x.ts', "export { loadConfig } from '../../core/src/config.js';\n")).toHaveLength(1);
  });
});
