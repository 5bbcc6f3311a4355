import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'cli-dist/', 'node_modules/', 'test-results/', '.vite/', 'coverage/', '.tmp*/', '.t*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', Buffer: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The classifier runs everywhere: no browser, DOM or UI import may leak into it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', '@preact/*'], message: 'src/core is UI-free.' },
          { group: ['webextension-polyfill'], message: 'src/core must not use the extension API.' },
          { group: ['node:*'], message: 'src/core must run in the browser too.' },
          {
            group: ['**/shared/**', '**/background/**', '**/panel/**', '**/popup/**', '**/ui/**', '**/devtools/**', '**/test/**'],
            message: 'src/core imports nothing outside src/core.',
          },
        ],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'navigator', 'localStorage'],
      'no-console': 'error',
    },
  },
  {
    // The command line is Node code: Node's globals and node:* modules; the core only through its one CLI entry.
    files: ['src/cli/**/*.ts'],
    languageOptions: {
      globals: {
        global: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly', AbortController: 'readonly',
        AbortSignal: 'readonly', URLSearchParams: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/**', '!**/core/cli-api'], message: 'src/cli imports the core through src/core/cli-api.ts only.' },
          {
            group: ['preact', 'preact/*', '@preact/*', '**/shared/**', '**/background/**', '**/panel/**', '**/popup/**', '**/ui/**', '**/devtools/**', '**/test/**'],
            message: 'src/cli is Node code: no extension or UI module.',
          },
        ],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // Shipped code logs through src/shared/debug.ts only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/debug.ts'],
    rules: { 'no-console': 'error' },
  },
);
