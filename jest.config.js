/** Unit and component tests (jsdom where a test file asks for it). */
const tsJest = [
  'ts-jest',
  {
    tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', esModuleInterop: true, allowJs: true },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!(react-data-grid)/)'],
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
    '\\.css$': '<rootDir>/test/support/style-stub.js',
  },
};
