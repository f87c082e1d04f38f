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
  // one file at a time: files share the test system (one Postgres, one NATS, fixed ports)
  maxWorkers: 1,
  setupFiles: ['<rootDir>/dist/libs/testing/src/setup.js'],
};
