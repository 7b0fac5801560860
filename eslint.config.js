// Flat config: typescript-eslint + eslint-plugin-vue, plus the layer boundaries described in
// ARCHITECTURE.md ("Layers": what each folder may import).
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
      globals: globals.browser,
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      // Formatting is Prettier's job.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: [
      'electron/main/**/*.ts',
      'electron/preload/**/*.ts',
      'tests/**/*.ts',
      'bench/**/*.ts',
      '*.config.ts',
      'scripts/**/*.{js,ts,mjs}',
      'build/**/*.{js,mjs,cjs}',
    ],
    languageOptions: { globals: globals.node },
  },
  // The layers of ARCHITECTURE.md ("Layers"), VS Code style: each folder lists what it may not
  // import. ESLint keeps only the last no-restricted-imports that matches a file, so every folder's
  // block below is complete on its own and the folders do not overlap.
  // common/: pure TypeScript that runs anywhere.
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', 'imapflow', 'ws', ...nodeBuiltins].map((name) => ({
            name,
            message: 'electron/common must stay free of Electron and Node.',
          })),
          patterns: [
            { group: ['node:*'], message: 'electron/common must stay free of Node built-ins.' },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'common/ imports nothing from other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  // renderer/: reaches main only through renderer/src/api and window.closeout.
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer has no Electron or Node access.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node access.' },
            {
              group: ['**/electron/main/**', '**/electron/preload/**'],
              message: 'The renderer imports only electron/common.',
            },
            {
              group: ['**/electron/common', '**/electron/common/**'],
              message: 'The renderer imports electron/common as @common/… (tsconfig.base.json paths).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'closeout', message: 'Only renderer/src/api touches window.closeout.' },
        {
          object: 'globalThis',
          property: 'closeout',
          message: 'Only renderer/src/api touches window.closeout.',
        },
      ],
    },
  },
  // preload: only the contract (and electron's contextBridge / ipcRenderer).
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The preload derives from electron/common/contract only.',
            },
          ],
        },
      ],
    },
  },
  // main/ outside electron/main/electron/: the Electron-free core. Node yes, Electron no.
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store'].map((name) => ({
            name,
            message:
              'Only electron/main/electron/ imports Electron: the core is Electron-free (ARCHITECTURE.md).',
          })),
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main does not import the renderer or the preload.',
            },
            {
              group: [
                '**/electron/main/electron/**',
                '**/main/electron/**',
                './electron/**',
                '../electron/**',
                '../../electron/**',
              ],
              message:
                'The core does not import the Electron adapters; electron/main/electron/index.ts passes them in.',
            },
          ],
        },
      ],
    },
  },
  // The one document-write path (ARCHITECTURE.md, "One click, end to end"): outside the vault folder
  // nobody hands the store a function to update the document with; services write DocumentCommands
  // through electron/main/vault/document-writer.ts.
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/vault/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='update'][arguments.0.type=/^(Arrow)?FunctionExpression$/]",
          message:
            'Change the vault document through documentWriter(store).write(command) (electron/main/vault/document-writer.ts), not store.update.',
        },
      ],
    },
  },
  // electron/main/electron/: the Electron adapters; ipc.ts is the only importer of ipcMain.
  {
    files: ['electron/main/electron/**/*.ts'],
    ignores: ['electron/main/electron/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Only electron/main/electron/ipc.ts imports ipcMain.',
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main does not import the renderer or the preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/electron/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main does not import the renderer or the preload.',
            },
          ],
        },
      ],
    },
  },
  // tests/, bench/ and scripts/: Electron only in the tests of the adapters (tests/unit/electron/),
  // which mock it; everything else tests the Electron-free core, as the app's own layers do.
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,ts,mjs}'],
    ignores: ['tests/unit/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/main/electron/ imports Electron; its tests live in tests/unit/electron/.',
            },
          ],
        },
      ],
    },
  },
);
