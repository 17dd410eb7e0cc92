import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { LAYERS } from './eslint/layers.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Inside src, a module elsewhere in src is `@/…`: paths that climb folders break when files move. */
const NO_CLIMBING = {
  regex: String.raw`^\.\./(?!.*\b(?:neo-standin|local-idp|contract)/)`,
  message:
    'Import from src as @/… (only the stand-in, the local IdP and the contract sit outside src).',
};

/** React, the DOM and browser state: none of it exists on a server. */
const BROWSER_ONLY = {
  group: [
    'react',
    'react-dom',
    'react-dom/*',
    'react-router',
    '@tanstack/*',
    '@azure/*',
    'recharts',
  ],
  message: 'This code runs on servers too: no React, router, query or browser libraries.',
};
const BROWSER_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
].map((name) => ({ name, message: 'This code runs on servers too: no browser globals.' }));

/** What a browser keeps for the app: only src/lib/storage/browser-storage.ts touches it (issue 32). */
const STORAGE_MESSAGE =
  'A browser may refuse storage (a portal frame, blocked site data): use @/lib/storage/browser-storage.';
const STORAGE_GLOBALS = ['localStorage', 'sessionStorage', 'indexedDB', 'BroadcastChannel'].map(
  (name) => ({ name, message: STORAGE_MESSAGE }),
);
const STORAGE_PROPERTIES = [
  ...['localStorage', 'sessionStorage', 'indexedDB', 'BroadcastChannel'].map((property) => ({
    property,
    message: STORAGE_MESSAGE,
  })),
  { object: 'document', property: 'cookie', message: STORAGE_MESSAGE },
];
/** idb-keyval opens IndexedDB itself: its stores come from the guard. */
const IDB_STORE = { name: 'idb-keyval', importNames: ['createStore'], message: STORAGE_MESSAGE };

/**
 * Styling never enters the domain (docs/architecture.md): a state's word may, its colour may not.
 * Classes and colours live with the feature's components (e.g. components/status-style.ts).
 */
const STYLE_MESSAGE =
  'Styling never enters the domain: keep classes and colours in the feature (components/status-style.ts).';
const STYLE_IMPORTS = {
  regex: String.raw`\.css$|(^|/)tailwindcss(/|$)|(^|/)[\w-]*styles?(\.ts)?$`,
  message: STYLE_MESSAGE,
};
const TAILWIND_COLOUR = String.raw`\b(bg|text|border|ring|fill|stroke|outline|divide|shadow|from|via|to|accent|caret|decoration|placeholder)-(slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|white|black)\b`;
const CSS_COLOUR = String.raw`var\(--|\b(rgba?|hsla?|oklch)\(`;
const STYLE_STRINGS = [TAILWIND_COLOUR, CSS_COLOUR].flatMap((pattern) => [
  { selector: `Literal[value=/${pattern}/]`, message: STYLE_MESSAGE },
  { selector: `TemplateElement[value.raw=/${pattern}/]`, message: STYLE_MESSAGE },
]);

export default defineConfig([
  globalIgnores([
    'dist',
    'coverage',
    'playwright-report',
    'test-results',
    'bench-results',
    '.local-dev',
    'src/lib/api/openapi.d.ts',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat['recommended-latest'],
      reactRefresh.configs.vite,
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: { globals: globals.browser },
    rules: {
      // Scrollable regions and the chart widget must be reachable by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { roles: ['tabpanel', 'region', 'application'] },
      ],
      // API text is untrusted: it is only ever rendered as text.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render API text as text.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'prod-server/**/*.ts', 'watcher/**/*.ts', 'server-kit/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: LAYERS }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIMBING] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/lib/storage/browser-storage.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_CLIMBING], paths: [IDB_STORE] }],
      'no-restricted-globals': ['error', ...STORAGE_GLOBALS],
      'no-restricted-properties': ['error', ...STORAGE_PROPERTIES],
    },
  },
  {
    // One rule per file, so these blocks name every pattern that applies (a later block replaces).
    files: ['src/domain/**/*.ts', 'src/lib/api/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_CLIMBING, BROWSER_ONLY], paths: [IDB_STORE] },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, ...STORAGE_GLOBALS],
    },
  },
  {
    // The domain's own: the patterns above plus styling (no CSS, no style module, no class string).
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_CLIMBING, BROWSER_ONLY, STYLE_IMPORTS], paths: [IDB_STORE] },
      ],
      'no-restricted-syntax': ['error', ...STYLE_STRINGS],
    },
  },
  {
    files: ['prod-server/**/*.ts', 'watcher/**/*.ts', 'server-kit/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BROWSER_ONLY] }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    files: [
      'neo-standin/**',
      'local-idp/**',
      'prod-server/**',
      'watcher/**',
      'server-kit/**',
      'scripts/**',
      'e2e/**',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
  },
  prettier,
]);
