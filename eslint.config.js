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
    // The API client depends on the contract, never on the Actions toolkit or the runner (SPEC §2), so the
    // same client talks to the hosted API, a self-hosted runner and the runner started in-process.
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*', '@octokit/*'], message: 'src/client/ must not import the Actions toolkit.' },
            { group: ['**/runner/**'], message: 'src/client/ talks to the runner over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['.ci/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
