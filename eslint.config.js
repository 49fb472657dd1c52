import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md): routes → services → models → db. Each rule names what it forbids and why; type-only
// imports are allowed everywhere, since they vanish at build time and row types come from the schema.
const DB = {
  regex: String.raw`(^|/)db/(?!.*\.test)`,
  message: 'Only app/models may use db/ at run time (import its types with `import type`).',
};
const DATABASE_LIBRARIES = { regex: '^(better-sqlite3|drizzle-orm)(/|$)', message: 'Only app/models and db/ talk to the database.' };
const DB_HANDLE = { regex: String.raw`models/db\.server$`, message: 'The database handle is for app/models only.' };
const SERVICES_OR_MODELS = {
  regex: String.raw`(^~/|/)(services|models)/`,
  message: 'Components render: they get data as props from routes and never call services or models.',
};
const serverOnly = (where) => ({ regex: String.raw`\.server$`, message: `${where} run in the browser too: no .server modules here.` });
const NODE_BUILTINS = { regex: '^node:', message: 'app/utils runs in the browser too: no Node built-ins here.' };
const APP = { regex: String.raw`(^~/|(^|/)app/)`, message: 'db/ never imports app/: the dependency goes one way, app → db.' };
const APP_OR_DB_FROM_SERVER = {
  regex: String.raw`^\.\./(app|db)/`,
  message: 'server/ reaches the app only through the build (app/portal.server.ts, as build.entry.module.portal); import types only.',
};
const ROUTES = {
  regex: String.raw`(^~/|/)routes/`,
  message: 'Nothing imports a route: shared code belongs in services, models, components or utils.',
};

const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((pattern) => ({ ...pattern, allowTypeImports: true })) }],
});

const TESTS = ['**/*.test.{ts,tsx}', 'tests/**'];

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', '.cache/**', 'node_modules/**', 'tests/.tmp/**', 'bench-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // One order everywhere, so a diff shows what was imported rather than where: node:, packages, ~/ (the app), relative.
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '~/**', group: 'internal' }],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Every model call is a promise on both engines: one left unawaited writes after its caller moved on (or, inside
    // a transaction, after the commit).
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', 'server/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Command-line tools and test helpers talk to the operator on the console.
  { files: ['scripts/**', 'db/**', 'tests/**', 'server/index.ts'], rules: { 'no-console': 'off' } },

  // ---- layers ----
  {
    files: ['app/routes/**', 'app/root.tsx', 'app/entry.*.tsx'],
    ignores: TESTS,
    rules: restrict(DB, DATABASE_LIBRARIES, DB_HANDLE, ROUTES),
  },
  { files: ['app/services/**'], ignores: TESTS, rules: restrict(DB, DATABASE_LIBRARIES, DB_HANDLE, ROUTES) },
  {
    files: ['app/models/**'],
    ignores: TESTS,
    rules: restrict({ regex: String.raw`(^~/|/)services/`, message: 'Models are below services: they never call them.' }, ROUTES),
  },
  {
    files: ['app/components/**'],
    ignores: TESTS,
    rules: restrict(SERVICES_OR_MODELS, DB, DATABASE_LIBRARIES, serverOnly('Components'), ROUTES),
  },
  {
    files: ['app/utils/**'],
    ignores: TESTS,
    rules: restrict(SERVICES_OR_MODELS, DB, DATABASE_LIBRARIES, serverOnly('app/utils helpers'), NODE_BUILTINS, ROUTES),
  },
  {
    files: ['app/i18n/**'],
    ignores: TESTS,
    rules: restrict(SERVICES_OR_MODELS, DB, DATABASE_LIBRARIES, serverOnly('The catalogs and translators'), NODE_BUILTINS, ROUTES),
  },
  { files: ['db/**'], ignores: TESTS, rules: restrict(APP) },
  { files: ['server/**'], ignores: TESTS, rules: restrict(APP_OR_DB_FROM_SERVER) },
);
