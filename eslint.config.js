// @ts-check
// ESLint for the whole monorepo: typescript-eslint's recommended rules with the type-aware
// checks for promises, and import restrictions that hold the layers of docs/architecture.md.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Every workspace of ours, by folder; each is published to the others as `@reprise/<folder>`. */
const WORKSPACES = ['contract', 'rules', 'core', 'http', 'api', 'cloud', 'sdk', 'frontend', 'tools', 'bench'];

/** A folder's test files and test helpers. */
const testsOf = (dir) => [`${dir}/**/*.test.ts`, `${dir}/**/*.test.tsx`, `${dir}/src/test/**`];

/** Bans `@reprise/<name>` for each name, with the reason. */
function workspaceBans(names, reason) {
  return names.map((name) => ({ name: `@reprise/${name}`, message: reason }));
}

/** A workspace reached by a relative path instead of its package name skips every rule below. */
const crossingByPath = {
  regex: `^(\\.\\./)+(${WORKSPACES.join('|')})/(src|dist)(/|$)`,
  message: 'Import another workspace by its package name (@reprise/<name>), not by a relative path.',
};

const mongooseBan = {
  name: 'mongoose',
  message: 'Only core (and tools, bench and tests) talk to mongoose; use what @reprise/core exports.',
};

/**
 * The layers: which of our workspaces each folder's code may import; anything of ours not listed is
 * refused. Its tests may start any part (the SDK's and the dashboard's tests start both services),
 * except those listed in `testsRefuse`. `tools` and `bench` start and measure everything, so they
 * may import anything; `rules` has its own rule below.
 */
const LAYERS = [
  { dir: 'contract', may: [], testsRefuse: [], why: 'contract holds the generated types and imports nothing.' },
  { dir: 'core', may: ['contract', 'rules'], testsRefuse: [], mongoose: true, why: 'core sits under the services and the HTTP glue.' },
  { dir: 'http', may: ['core', 'contract', 'rules'], testsRefuse: [], why: 'http is the services\' shared glue.' },
  { dir: 'api', may: ['core', 'http', 'contract', 'rules'], testsRefuse: ['cloud'], why: 'api and cloud never import each other; they share core and http.' },
  { dir: 'cloud', may: ['core', 'http', 'contract', 'rules'], testsRefuse: ['api'], why: 'api and cloud never import each other; they share core and http.' },
  { dir: 'sdk', may: ['contract', 'rules'], testsRefuse: [], why: 'the SDK runs in browsers and tools; it reaches the services only over HTTP.' },
  { dir: 'frontend/src/server', may: ['http', 'contract', 'rules'], testsRefuse: [], why: 'the dashboard\'s server is glue, not a service: it reads its configuration through http.' },
];

/** The dashboard's client code runs in a browser: nothing that needs Node. */
const browserBans = {
  paths: [
    ...workspaceBans(['core', 'http', 'api', 'cloud', 'tools', 'bench'], 'The dashboard (frontend/src/app) runs in a browser: it reaches the services through @reprise/sdk.'),
    { name: '@reprise/sdk/node', message: 'The SDK\'s Node entry needs Node; the dashboard uses @reprise/sdk.' },
    mongooseBan,
    ...['express', 'pino', 'multer'].map((name) => ({ name, message: 'A Node-only package; the dashboard runs in a browser.' })),
    ...builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: 'Node built-ins do not exist in a browser.' })),
  ],
  patterns: [
    crossingByPath,
    { regex: '^node:', message: 'Node built-ins do not exist in a browser.' },
    { regex: '^(\\.\\./)+(server|e2e)(/|$)', message: 'The dashboard\'s server and e2e code run in Node, not in the browser.' },
  ],
};

/** The options of no-restricted-imports for one layer (each config object replaces the rule's options whole). */
function layerBans({ dir, may, testsRefuse, mongoose = false, why }, { tests }) {
  const refused = tests ? testsRefuse : WORKSPACES.filter((name) => name !== dir && !may.includes(name));
  return {
    paths: [...workspaceBans(refused, `Not allowed by the layers: ${why}`), ...(tests || mongoose ? [] : [mongooseBan])],
    patterns: [crossingByPath],
  };
}

/** The rules workspace is dependency-free: relative imports and types from the contract only. */
const rulesBans = {
  paths: [{ name: '@reprise/contract', allowTypeImports: true, message: 'rules may import types (import type) from @reprise/contract, nothing else.' }],
  patterns: [
    crossingByPath,
    { regex: '^(?!\\.|@reprise/contract$)', message: 'rules is dependency-free: relative imports and types from @reprise/contract only.' },
  ],
};

const rulesTestBans = {
  paths: workspaceBans(WORKSPACES.filter((name) => name !== 'contract' && name !== 'rules'), 'rules is tested on its own; it depends on nothing of ours but the contract\'s types.'),
  patterns: [crossingByPath],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', 'data/**', 'coverage/**', 'test-output/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Two programs cover every file: the tests' (all Node code) and the dashboard's (browser code).
        project: ['./tsconfig.test.json', './frontend/tsconfig.app.json'],
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      // Names, labels and file names are checked for control characters on purpose: exactly what this rule flags.
      'no-control-regex': 'off',
      'no-restricted-imports': 'off',
      // Every folder's own entry below replaces these options with its layer's.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [crossingByPath] }],
    },
  },
  {
    files: ['frontend/src/app/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', browserBans],
    },
  },
  ...LAYERS.flatMap((layer) => [
    { files: [`${layer.dir}/**`], rules: { '@typescript-eslint/no-restricted-imports': ['error', layerBans(layer, { tests: false })] } },
    { files: testsOf(layer.dir), rules: { '@typescript-eslint/no-restricted-imports': ['error', layerBans(layer, { tests: true })] } },
  ]),
  { files: ['rules/**'], rules: { '@typescript-eslint/no-restricted-imports': ['error', rulesBans] } },
  { files: ['rules/**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', rulesTestBans] } },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
