import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../../../../runner/src/scanner/checks/index.js';
import { deepSecurityChecks } from '../../../../../runner/src/scanner/checks/security/deep.js';
import { artifacts, failure, nonHtmlPage, response } from '../../../../support/artifacts.js';

// Inputs at the edges of what collection can produce at STANDARD and DEEP: every check gives a verdict.
const EDGE_CASES = {
  'QUICK artifacts (nothing of the crawl)': artifacts(),
  'STANDARD artifacts with empty probe lists': artifacts({ depth: 'STANDARD', exposures: [], notFoundBaseline: [], directoryListings: [], securityTxt: [], scripts: [], links: [] }),
  'DEEP artifacts whose probes all failed': artifacts({
    depth: 'DEEP',
    exposures: [{ ruleId: 'git-head', response: failure('https://site.test/.git/HEAD') }, { ruleId: 'unknown-rule', response: response() }],
    notFoundBaseline: [failure('https://site.test/x')],
    directoryListings: [failure('https://site.test/a/')],
    securityTxt: [failure('https://site.test/.well-known/security.txt')],
    scripts: [{ url: 'https://site.test/a.js', pages: [] }],
    activeProbes: [{ kind: 'trace', method: 'TRACE', url: 'https://site.test/', headers: {}, response: failure('https://site.test/') }],
  }),
  'a page that is not HTML': artifacts({ page: nonHtmlPage(), depth: 'STANDARD', notFoundBaseline: [response({ body: Buffer.from([0xff, 0xfe]) })] }),
};

describe('deep security checks', () => {
  it.each(deepSecurityChecks.map((c) => [c.id, c] as const))('%s is a STANDARD or DEEP security check in a file named after its id', (id, check) => {
    expect(check.category).toBe('security');
    expect(['STANDARD', 'DEEP']).toContain(check.depth);
    expect(existsSync(new URL(`../../../../../runner/src/scanner/checks/security/${id}.ts`, import.meta.url))).toBe(true);
  });

  it('have ids unique across the whole catalog', () => {
    const ids = allChecks.map((c) => c.id);
    for (const check of deepSecurityChecks) expect(allChecks).toContain(check);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(Object.entries(EDGE_CASES))('give a verdict on %s, with complete findings', (_, input) => {
    for (const check of deepSecurityChecks) {
      const r = check.run(input);
      if (r.notApplicable !== undefined) expect(r.findings).toEqual([]);
      for (const f of r.findings) {
        expect(f.title && f.description && f.evidence && f.remediation && f.location.url, `${check.id}: ${f.title}`).toBeTruthy();
        expect(f.references.length).toBeGreaterThan(0);
      }
    }
  });
});
