// Mocha settings for `npm test`. Where ../shared exists (here and in CI) every test must run:
// a pending (skipped) test fails the run (test/support/shared.ts says which tests need ../shared).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

module.exports = {
  spec: ['out/test/unit/**/*.test.js'],
  'enable-source-maps': true,
  timeout: 20000,
  reporter: 'spec',
  'forbid-pending': existsSync(join(__dirname, '..', 'shared')),
};
