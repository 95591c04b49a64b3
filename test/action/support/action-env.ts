// The environment the Actions runner gives a JavaScript action's process: one INPUT_<NAME> per input of
// action.yml (the name upper-cased, spaces to underscores, hyphens kept), set to the workflow's `with:` value
// or else the input's default. Expressions in defaults are evaluated the way the runner would for a plain job.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ActionMetadata {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding?: { icon: string; color: string };
}

export const ACTION_YML = fileURLToPath(new URL('../../../action.yml', import.meta.url));

export function readActionMetadata(): ActionMetadata {
  return parse(readFileSync(ACTION_YML, 'utf8')) as ActionMetadata;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** INPUT_* variables for `with`, defaults filled in from action.yml. */
export function inputEnv(withInputs: Record<string, string>, context: { token?: string; matrix?: string } = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(readActionMetadata().inputs)) {
    const value = withInputs[name] ?? evaluateDefault(input.default ?? '', context);
    env[inputEnvName(name)] = value;
  }
  for (const name of Object.keys(withInputs)) {
    if (!(name in readActionMetadata().inputs)) throw new Error(`action.yml has no input '${name}'`);
  }
  return env;
}

function evaluateDefault(value: string, context: { token?: string; matrix?: string }): string {
  return value
    .replace('${{ github.token }}', context.token ?? '')
    .replace('${{ toJSON(matrix) }}', context.matrix ?? 'null');
}

export interface RunEnvironment {
  env: Record<string, string>;
  outputFile: string;
  summaryFile: string;
  tempDir: string;
}

export interface RunEnvironmentOptions {
  /** The step's `with:`. */
  inputs: Record<string, string>;
  /** GITHUB_API_URL, the fake GitHub's address. */
  apiUrl: string;
  /** The fake artifact service: ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN. */
  artifacts?: { url: string; token: string };
  /** GITHUB_EVENT_PATH and GITHUB_EVENT_NAME. */
  event: { name: string; path: string };
  repository?: string;
  /** GITHUB_SHA: on pull_request events the test merge commit. */
  sha?: string;
  token?: string;
  matrix?: string;
  /** Reuse a summary file: @actions/core remembers the first GITHUB_STEP_SUMMARY it reads in a process. */
  summaryFile?: string;
}

/** The variables the Actions runner sets for a step of a workflow run (docs: "Variables reference"). */
export function runEnvironment(o: RunEnvironmentOptions): RunEnvironment {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'issafesite-runner-temp-'));
  const outputFile = path.join(tempDir, '_runner_file_commands', 'set_output');
  const summaryFile = o.summaryFile ?? path.join(tempDir, '_runner_file_commands', 'step_summary');
  mkdirSync(path.dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const repository = o.repository ?? 'acme/shop';
  const env: Record<string, string> = {
    ...inputEnv(o.inputs, { token: o.token ?? 'ghs_jobtoken', matrix: o.matrix }),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_EVENT_PATH: o.event.path,
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKFLOW: 'Preview',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/preview.yml@refs/pull/7/merge`,
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: '__self',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: tempDir,
    RUNNER_TEMP: tempDir,
    RUNNER_OS: 'Linux',
    ...(o.artifacts ? { ACTIONS_RESULTS_URL: `${o.artifacts.url}/`, ACTIONS_RUNTIME_TOKEN: o.artifacts.token } : {}),
  };
  return { env, outputFile, summaryFile, tempDir };
}

/**
 * The step's outputs from the GITHUB_OUTPUT file: `name=value` lines, or the multi-line form
 * `name<<DELIMITER` … `DELIMITER` that @actions/core writes.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`);
      outputs[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

export function readOutputs(run: RunEnvironment): Record<string, string> {
  return parseOutputFile(readFileSync(run.outputFile, 'utf8'));
}

export function readSummary(run: RunEnvironment): string {
  return readFileSync(run.summaryFile, 'utf8');
}
