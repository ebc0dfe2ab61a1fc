import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Office.js lives in one adapter folder only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/adapters/office/**'],
    rules: { 'no-restricted-globals': ['error', 'Excel', 'Office', 'OfficeExtension'] },
  },
  {
    // The domain is pure: no Office, no React, no adapter, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'fs', 'node:*', '**/adapters/**', '**/workbook/**', '**/taskpane/**', '**/cli/**'] },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'OfficeExtension', 'window', 'document'],
    },
  },
);
