import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// On Neo4j the suites share one database, which each suite clears: run them one at a time.
const sharedDatabase = Boolean(process.env.NEO4J_URI);
const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance: the CommonJS build that Node (and so Pothos and Yoga) loads, not the
    // ESM build Vite would pick for our own imports.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: !sharedDatabase,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
