// Jest runs the JavaScript that `tsc` emitted (dist/), in native ESM mode: NestJS 12 is
// ESM-only, and compiling once with tsc both type-checks and avoids a second transform.
// `#contracts`-style imports resolve through package.json "imports", like at run time.
export default {
  rootDir: '.',
  testEnvironment: 'node',
  transform: {},
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.spec.js', '**/*.int-spec.js', '**/*.e2e-spec.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/apps/web/'],
  moduleFileExtensions: ['js', 'mjs', 'json'],
  testTimeout: 60000,
  // one file at a time within a suite: its files share one test system (one Postgres, one NATS,
  // fixed ports). `npm test` runs two suites side by side, each on its own system (`--shard`),
  // split by the sequencer so both take about as long.
  maxWorkers: 1,
  testSequencer: '<rootDir>/deploy/local/lib/test-sequencer.mjs',
  setupFiles: ['<rootDir>/dist/libs/testing/src/setup.js'],
};
