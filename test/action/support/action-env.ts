// The environment the Actions runner gives a JavaScript action's process: one INPUT_<NAME> per input of
// action.yml (the name upper-cased, spaces to underscores, hyphens kept), set to the workflow's `with:` value
// or else the input's default. Expressions in defaults are evaluated the way the runner would for a plain job.
import { readFileSync } from 'node:fs';
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
