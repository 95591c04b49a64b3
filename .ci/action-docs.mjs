// Writes the README's table of the action's inputs and outputs from action.yml, between the markers
// <!-- action-docs:start --> and <!-- action-docs:end -->. With --check it only fails when the README is stale.
// Usage: node .ci/action-docs.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inputs = Object.entries(action.inputs).map(
  ([name, i]) => `| \`${name}\` | ${i.required ? 'yes' : ''} | ${i.default ? `\`${cell(i.default)}\`` : ''} | ${cell(i.description)} |`,
);
const outputs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
const table = [
  START,
  '',
  '| input | required | default | description |',
  '|---|---|---|---|',
  ...inputs,
  '',
  '| output | description |',
  '|---|---|',
  ...outputs,
  '',
  END,
].join('\n');

const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) {
  console.error(`README.md has no ${START} … ${END} section.`);
  process.exit(1);
}
const next = readme.slice(0, from) + table + readme.slice(to + END.length);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md does not match action.yml: run `node .ci/action-docs.mjs` and commit README.md.');
    process.exit(1);
  }
  console.log('README.md matches action.yml.');
} else {
  writeFileSync('README.md', next);
}
