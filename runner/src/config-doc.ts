// The settings table of docs/self-hosting.md, rendered from the configuration's own definitions so the
// documentation cannot miss a setting or show a stale default (a test compares the two;
// `node .ci/settings-table.mjs --write` rewrites the table in place).
import { SETTING_DOCS } from './config.js';

export const TABLE_START = '<!-- settings:start (generated from runner/src/config.ts) -->';
export const TABLE_END = '<!-- settings:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|');

export function settingsTable(): string {
  const rows = SETTING_DOCS.map((s) => `| \`${s.env}\` | ${s.flag === undefined ? '' : `\`${s.flag}\``} | ${cell(s.default)} | ${cell(s.doc)} |`);
  return [TABLE_START, '| variable | flag | default | what it does |', '|---|---|---|---|', ...rows, TABLE_END].join('\n');
}

/** `doc` with its settings table replaced by the current one. */
export function withSettingsTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`The document has no settings table between "${TABLE_START}" and "${TABLE_END}".`);
  return doc.slice(0, start) + settingsTable() + doc.slice(end + TABLE_END.length);
}
