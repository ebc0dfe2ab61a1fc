/**
 * End-to-end tests: the built demo served on 127.0.0.1, driven in Debian's Chromium. One file per
 * worker, as the unit tests: a browser test mostly waits on the page, so two run side by side.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  testTimeout: 120000,
};
