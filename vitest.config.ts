import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of every workspace, not their build output.
    alias: [
      { find: /^@reprise\/tools\/testing$/, replacement: `${root}tools/src/testing/index.ts` },
      { find: /^@reprise\/(rules|core|contract|http|tools|api|cloud|sdk)$/, replacement: `${root}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['{rules,core,http,api,cloud,sdk,tools,frontend,bench}/src/**/*.test.{ts,tsx}'],
    globalSetup: ['./tools/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    sequence: { hooks: 'stack' },
  },
});
