// Prints the settings table of docs/self-hosting.md from runner/src/config.ts, or with --write puts it in
// place. Usage: node .ci/settings-table.mjs [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from '../bench/lib/import-ts.mjs';

const DOC = 'docs/self-hosting.md';
const { settingsTable, withSettingsTable } = await importTs('runner/src/config-doc.ts');
if (process.argv.includes('--write')) {
  writeFileSync(DOC, withSettingsTable(readFileSync(DOC, 'utf8')));
  console.log(`Updated the settings table of ${DOC}.`);
} else {
  console.log(settingsTable());
}
