/**
 * Generates from openapi.yaml the TypeScript types (contract/src/openapi.ts) and the runtime list
 * of error codes (rules/src/generated/error-codes.ts, the ErrorCode schema's enum).
 * With --check, fails instead when a committed file is stale, so neither can drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { repoRoot } from './db.js';

const specPath = path.join(repoRoot, 'openapi.yaml');
const HEADER = '/**\n * Generated from openapi.yaml by `npm run gen:types`. Do not edit: change openapi.yaml instead.\n */\n\n';

const ast = await openapiTS(new URL(`file://${specPath}`), { exportType: false, alphabetize: false, defaultNonNullable: false });
const types = `${HEADER}${astToString(ast)}`;

/** The codes of the ErrorCode schema, in the order openapi.yaml lists them. */
function errorCodes(): string[] {
  const spec = parse(readFileSync(specPath, 'utf8')) as { components?: { schemas?: { ErrorCode?: { enum?: unknown } } } };
  const codes = spec.components?.schemas?.ErrorCode?.enum;
  if (!Array.isArray(codes) || !codes.every((code): code is string => typeof code === 'string')) {
    throw new Error('openapi.yaml has no ErrorCode schema with an enum of strings.');
  }
  return codes;
}

const codeList = `${HEADER}import type { Schemas } from '@reprise/contract';

/** Every error code the services send: the ErrorCode schema's enum, at run time. */
export const ERROR_CODES = [
${errorCodes()
  .map((code) => `  '${code}',`)
  .join('\n')}
] as const satisfies readonly Schemas['ErrorCode'][];
`;

const outputs: Array<[string, string]> = [
  [path.join(repoRoot, 'contract', 'src', 'openapi.ts'), types],
  [path.join(repoRoot, 'rules', 'src', 'generated', 'error-codes.ts'), codeList],
];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const [target, generated] of outputs) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    const name = path.relative(repoRoot, target);
    if (current === generated) {
      console.log(`${name} matches openapi.yaml`);
    } else {
      console.error(`${name} is stale: run \`npm run gen:types\` and commit the result.`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  for (const [target, generated] of outputs) {
    writeFileSync(target, generated);
    console.log(`wrote ${path.relative(repoRoot, target)}`);
  }
}
