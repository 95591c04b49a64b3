import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { securityChecks } from '../../../../../runner/src/scanner/checks/security/index.js';
import { DEPTHS } from '../../../../../runner/src/scanner/types.js';
import { artifacts } from '../../../../support/artifacts.js';

const sourceDir = fileURLToPath(new URL('../../../../../runner/src/scanner/checks/security/', import.meta.url));
const testDir = fileURLToPath(new URL('./', import.meta.url));

describe('security check registry', () => {
  it('registers each check once, with a kebab-case id', () => {
    const ids = securityChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(securityChecks.map((c) => [c.id, c] as const))('%s lives in a file named after it, has a test file and valid metadata', (id, check) => {
    expect(existsSync(`${sourceDir}${id}.ts`)).toBe(true);
    expect(existsSync(`${testDir}${id}.test.ts`)).toBe(true);
    expect(check.category).toBe('security');
    expect(DEPTHS).toContain(check.depth);
    expect(check.title.length).toBeGreaterThan(0);
  });

  it.each(securityChecks.map((c) => [c.id, c] as const))('%s runs on a plain https page and returns well-formed findings', (_id, check) => {
    const r = check.run(artifacts());
    for (const f of r.findings) {
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(f.severity);
      expect(f.title).not.toBe('');
      expect(f.description).not.toBe('');
      expect(f.evidence).not.toBe('');
      expect(f.remediation).not.toBe('');
      expect(f.location.url).toMatch(/^https?:\/\//);
      expect(f.references.length).toBeGreaterThan(0);
      for (const ref of f.references) expect(ref).toMatch(/^https:\/\//);
    }
    expect(r.outcome === undefined || /^[a-z0-9-]+$/.test(r.outcome)).toBe(true);
  });
});
