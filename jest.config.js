// One jest run for every TypeScript project: fast unit specs and integration specs on real Postgres/Redis.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }];
// ESM-only packages the API imports (OpenID Connect); Node itself loads them with require(esm), jest needs them compiled.
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
const roots = ['libs/domain', 'libs/config', 'libs/db', 'libs/queue', 'libs/ml', 'libs/storage', 'api', 'workers'];

module.exports = {
  projects: [
    { ...base, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'] },
    { ...base, displayName: 'integration', roots: [...roots, 'test'], testMatch: ['**/*.int.spec.ts'], setupFiles: ['reflect-metadata'], testTimeout: 60_000 },
    // Browser tests: the whole product in Debian Chromium; slow, so they get a longer timeout.
    { ...base, displayName: 'e2e', roots: ['test'], testMatch: ['**/*.e2e.spec.ts'], setupFiles: ['reflect-metadata'], testTimeout: 120_000 },
  ],
  // Once per run, before any project: fresh test database, current web build.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Integration and browser tests start real processes; unit specs finish far below this.
  testTimeout: 60_000,
};
