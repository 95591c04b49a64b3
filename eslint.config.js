// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  {
    // The runner never depends on the Actions toolkit (SPEC §2: dependencies point one way).
    files: ['runner/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*', '@octokit/*'], message: 'runner/ must not import the Actions toolkit.' }] }],
    },
  },
  {
    files: ['.ci/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
