import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readActionMetadata } from './support/action-env.js';

// SPEC §7, word for word.
const SPEC_INPUTS = ['url', 'api-key', 'api-url', 'mode', 'depth', 'fail-below', 'fail-on-severity', 'comment', 'check-run', 'upload-report', 'artifact-name', 'sarif-file', 'wait-for-url', 'timeout', 'github-token'];
const SPEC_OUTPUTS = ['scan-id', 'grade', 'overall-score', 'security-score', 'seo-score', 'traffic-score', 'findings-count', 'report-path', 'sarif-path'];
const BOOLEAN_INPUTS = ['comment', 'check-run', 'upload-report'];

const action = readActionMetadata();

test('runs dist/index.js on node24 with a name, description and branding', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(action.name).toBe('IsSafeSite scan');
  expect(action.branding).toEqual({ icon: 'shield', color: 'green' });
});

test('declares every input and output of the specification, each described', () => {
  expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(SPEC_INPUTS));
  expect(Object.keys(action.outputs)).toEqual(SPEC_OUTPUTS);
  for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
    expect(spec.description, name).toMatch(/\S{3}/);
  }
});

test('only url is required; every boolean input has a true/false default', () => {
  expect(Object.entries(action.inputs).filter(([, i]) => i.required).map(([n]) => n)).toEqual(['url']);
  for (const name of BOOLEAN_INPUTS) expect(action.inputs[name]!.default, name).toBe('true');
  expect(action.inputs['api-url']!.default).toBe('https://issafesite.com/api/v1');
  expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
});

test('src/inputs.ts reads every input and src/main.ts sets every output', () => {
  const inputs = readFileSync(new URL('../../src/inputs.ts', import.meta.url), 'utf8');
  for (const name of Object.keys(action.inputs)) expect(inputs, name).toContain(`'${name}'`);
  const main = readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8');
  for (const name of Object.keys(action.outputs)) expect(main, name).toContain(`setOutput('${name}'`);
});
