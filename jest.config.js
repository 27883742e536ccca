/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});

// Migrated and seeded once per run into templates that each test file clones (test/support/templates.ts).
// Both projects name the same files, so jest runs them once, and only when one of them runs.
const templates = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  testTimeout: 60_000,
  projects: [project('unit'), project('integration', templates), project('browser', templates)],
};
