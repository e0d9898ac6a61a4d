/**
 * Generates contract/src/openapi.ts (TypeScript types) from openapi.yaml.
 * With --check, fails instead when the committed file is stale, so the types cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { repoRoot } from './db.js';

const specPath = path.join(repoRoot, 'openapi.yaml');
const target = path.join(repoRoot, 'contract', 'src', 'openapi.ts');

const ast = await openapiTS(new URL(`file://${specPath}`), { exportType: false, alphabetize: false, defaultNonNullable: false });
const generated = `/**\n * Generated from openapi.yaml by \`npm run gen:types\`. Do not edit: change openapi.yaml instead.\n */\n\n${astToString(ast)}`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== generated) {
    console.error('contract/src/openapi.ts is stale: run `npm run gen:types` and commit the result.');
    process.exit(1);
  }
  console.log('contract/src/openapi.ts matches openapi.yaml');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${path.relative(repoRoot, target)}`);
}
