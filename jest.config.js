/** Unit and component tests (jsdom where a test file asks for it). */
const { availableParallelism } = require('node:os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  // Transpiled only, by esbuild: the types are checked by `npm run typecheck`.
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild-transform.js' },
  // One worker per core: Jest's default leaves one core to itself, which on two cores runs the files
  // one after the other while the main process mostly waits.
  maxWorkers: availableParallelism(),
  // A budget for a machine other work keeps busy, not a speed check: tests wait on conditions.
  testTimeout: 30000,
  transformIgnorePatterns: ['/node_modules/(?!(react-data-grid)/)'],
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
    '\\.css$': '<rootDir>/test/support/style-stub.js',
  },
};
