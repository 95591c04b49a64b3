import { describe, expect, it } from 'vitest';
import { allChecks } from '../../../runner/src/scanner/checks/index.js';
import { runChecks } from '../../../runner/src/scanner/run-checks.js';
import type { Check } from '../../../runner/src/scanner/types.js';
import { CATEGORIES, DEPTHS } from '../../../runner/src/scanner/types.js';
import { artifacts } from '../../support/artifacts.js';

const draft = { title: 't', description: 'd', evidence: 'e', location: { url: 'https://site.test/' }, remediation: 'r', references: [] };

function check(id: string, run: Check['run'], depth: Check['depth'] = 'QUICK'): Check {
  return { id, category: 'security', depth, title: id, run };
}

describe('runChecks', () => {
  it('turns a throwing check into an error outcome and runs the rest', () => {
    const boom = check('boom', () => {
      throw new Error('cannot read header');
    });
    const ok = check('ok', () => ({ findings: [{ ...draft, severity: 'high' }] }));
    const { checks, findings } = runChecks(artifacts(), [boom, ok]);
    expect(checks[0]).toMatchObject({ id: 'boom', status: 'error', message: 'The check failed to run: cannot read header' });
    expect(checks[1]).toMatchObject({ id: 'ok', status: 'fail', findingsCount: 1 });
    expect(findings).toEqual([{ checkId: 'ok', category: 'security', severity: 'high', ...draft }]);
  });

  it('marks checks deeper than the scan as not applicable without running them', () => {
    let ran = false;
    const deep = check('deep', () => ((ran = true), { findings: [] }), 'DEEP');
    const { checks } = runChecks(artifacts({ depth: 'STANDARD' }), [deep]);
    expect(ran).toBe(false);
    expect(checks[0]).toMatchObject({ status: 'not_applicable', message: 'Runs at DEEP depth and deeper.' });
  });

  it('passes a check whose findings are all info, and keeps its outcome and not-applicable reason', () => {
    const info = check('info', () => ({ outcome: 'noted', findings: [{ ...draft, severity: 'info' }] }));
    const na = check('na', () => ({ notApplicable: 'No HTTPS page.', findings: [] }));
    const { checks } = runChecks(artifacts(), [info, na]);
    expect(checks[0]).toMatchObject({ status: 'pass', outcome: 'noted', findingsCount: 1 });
    expect(checks[1]).toMatchObject({ status: 'not_applicable', message: 'No HTTPS page.' });
  });

  it('orders findings by severity, then category', () => {
    const a = { ...check('a', () => ({ findings: [{ ...draft, severity: 'low' }] })), category: 'seo' as const };
    const b = check('b', () => ({ findings: [{ ...draft, severity: 'low' }, { ...draft, severity: 'critical' }] }));
    const { findings } = runChecks(artifacts(), [a, b]);
    expect(findings.map((f) => `${f.checkId}:${f.severity}`)).toEqual(['b:critical', 'b:low', 'a:low']);
  });
});

describe('the catalog', () => {
  it('has unique ids, known categories and depths, and ids in kebab case', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of allChecks) {
      expect(CATEGORIES).toContain(c.category);
      expect(DEPTHS).toContain(c.depth);
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('runs every check on a minimal page without throwing', () => {
    const { checks } = runChecks(artifacts({ depth: 'DEEP' }), allChecks);
    expect(checks.filter((c) => c.status === 'error')).toEqual([]);
  });
});
