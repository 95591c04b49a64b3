// The REST client the GitHub output modules take; built once in main.ts from the github-token input.
import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export function createOctokit(token: string, apiUrl: string): Octokit {
  return getOctokit(token, { baseUrl: apiUrl });
}
