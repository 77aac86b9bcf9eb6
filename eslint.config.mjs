// One flat config for the whole workspace: `npm run lint` (eslint . --max-warnings 0) and `nx run <project>:lint`.
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads Nx's cached project graph and silently skips itself when there is none
// (fresh clone, `nx reset`); refresh it here so `eslint .` checks boundaries on its own. Inside an Nx task the graph
// is already fresh (and parallel lint tasks would race on the cache). Never start a daemon from lint.
if (!process.env.NX_TASK_TARGET_PROJECT) {
  process.env.NX_DAEMON ??= 'false';
  try {
    await createProjectGraphAsync({ exitOnError: false });
  } catch (error) {
    console.warn(`eslint.config.mjs: could not compute the Nx project graph (${error.message})`);
  }
}

// The web app's own Svelte config tells the parser that runes are on.
const svelteConfig = await import('./web/svelte.config.js').then(
  (m) => m.default,
  () => undefined,
);

const codeFiles = ['**/*.{ts,mts,cts,js,mjs,cjs}'];
const specFiles = ['**/*.spec.ts', '**/*.int.spec.ts'];
const webSvelteFiles = ['web/**/*.svelte', 'web/**/*.svelte.ts', 'web/**/*.svelte.js'];

// Import rules from shared/docs/ARCHITECTURE.md. A project with several tags must satisfy every matching constraint,
// so web (type:app + type:web) may only import scope:domain (types), never db/queue/ml/config.
const depConstraints = [
  { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:config', onlyDependOnLibsWithTags: ['scope:domain'] },
  { sourceTag: 'scope:lib', onlyDependOnLibsWithTags: ['scope:domain', 'scope:config'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:domain', 'scope:config', 'scope:lib'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['scope:domain'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
];
const specDepConstraints = depConstraints.map((c) =>
  c.onlyDependOnLibsWithTags.includes('*')
    ? c
    : { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:test'] },
);
const boundaries = (constraints) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: constraints,
  // Specs beside the code use test/'s harness and the harness starts the apps, so every cycle through
  // @vertelpunt/test is test-only; cycles between libs and apps are still errors.
  ignoredCircularDependencies: [['@vertelpunt/test', '*']],
});

export default defineConfig(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/build',
      '**/coverage',
      '**/.svelte-kit',
      '**/.data',
      '.nx',
      '**/test-results',
      '**/playwright-report',
    ],
  },

  tseslint.configs.recommended,
  svelte.configs.recommended.map((config) => (config.files ? config : { ...config, files: webSvelteFiles })),

  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['web/src/**/*'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: webSvelteFiles,
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    files: [...codeFiles, ...webSvelteFiles],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(depConstraints)] },
  },
  {
    // Specs beside the code (STYLE.md §9) may also use the shared harness in test/ (imported by package name).
    files: specFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(specDepConstraints)] },
  },
  {
    // "test may import anything", including app internals (the in-process API in test/support/harness.ts), which the
    // rule forbids unconditionally (no imports of apps), so it is off here.
    files: ['test/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },

  {
    files: [...codeFiles, ...webSvelteFiles],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    // Declaration files: SvelteKit's `App` namespace and module augmentation need interface merging.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },

  // Named exports only (STYLE.md). Tools that load a module's default export are the exceptions below.
  {
    files: codeFiles,
    ignores: [
      '**/*.config.{ts,mts,cts,js,mjs,cjs}', // eslint, vite, vitest, svelte, jest, playwright
      '**/global-setup.ts', // jest/playwright globalSetup
      '**/global-teardown.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only (STYLE.md §2).' },
        {
          selector: "ExportNamedDeclaration > ExportSpecifier[exported.name='default']",
          message: 'Use named exports only (STYLE.md §2).',
        },
      ],
    },
  },

  svelte.configs.prettier.map((config) => (config.files ? config : { ...config, files: webSvelteFiles })),
  prettier,
);
