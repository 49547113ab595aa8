import { defineConfig } from 'vitest/config';

// On Neo4j the suites share one database, which each suite clears: run them one at a time.
const sharedDatabase = Boolean(process.env.NEO4J_URI);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: !sharedDatabase,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
