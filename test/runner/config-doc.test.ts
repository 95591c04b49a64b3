// docs/self-hosting.md lists every setting the runner reads, with its current default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_DOCS } from '../../runner/src/config.js';
import { settingsTable } from '../../runner/src/config-doc.js';

const doc = readFileSync('docs/self-hosting.md', 'utf8');

describe('the settings table of docs/self-hosting.md', () => {
  it('is the one generated from the configuration (node .ci/settings-table.mjs --write)', () => {
    expect(doc).toContain(settingsTable());
  });

  it("names every variable the runner reads, and the runner reads every variable the docs and the README's settings table name", () => {
    const known = new Set(SETTING_DOCS.map((s) => s.env));
    for (const env of known) expect(doc).toContain(`\`${env}\``);
    // The README's table rows; elsewhere it also names GitHub's own RUNNER_TEMP and the action's secrets.
    const readmeRows = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `RUNNER_') || line.startsWith('| `PORT`'))
      .join('\n');
    const named = new Set([...`${doc}\n${readmeRows}`.matchAll(/\bRUNNER_[A-Z_]+[A-Z]\b/g)].map((m) => m[0]));
    expect([...named].filter((n) => !known.has(n))).toEqual([]);
  });
});
