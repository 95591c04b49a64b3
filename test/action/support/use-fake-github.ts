// One fake GitHub per test file: started before the tests, reset after each (failing the test that made
// an off-spec request), closed at the end.
import { getOctokit } from '@actions/github';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Octokit } from '../../../src/github/octokit.js';
import { startFakeGitHub } from './fake-github.js';
import type { FakeGitHub } from './fake-github.js';

export function useFakeGitHub(): { readonly github: FakeGitHub; octokit(): Octokit } {
  let fake: FakeGitHub | undefined;
  beforeAll(async () => {
    fake = await startFakeGitHub();
  });
  afterAll(() => fake?.close());
  afterEach(() => {
    const violations = [...fake!.violations];
    fake!.reset();
    expect(violations).toEqual([]);
  });
  return {
    get github() {
      return fake!;
    },
    octokit: () => getOctokit('ghs_test', { baseUrl: fake!.url }),
  };
}
