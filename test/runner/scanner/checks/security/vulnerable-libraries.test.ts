import { afterEach, describe, expect, it } from 'vitest';
import { vulnerableLibraries } from '../../../../../runner/src/scanner/checks/security/vulnerable-libraries.js';
import { BUNDLED_TABLE } from '../../../../../runner/src/scanner/rules/js-libraries.js';
import type { LoadedScript } from '../../../../../runner/src/scanner/types.js';
import { artifacts, failure, response } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const js = (body: string) => ({ headers: { 'content-type': 'application/javascript' }, body });
const script = (url: string, body?: string): LoadedScript => ({
  url,
  pages: ['https://site.test/'],
  ...(body === undefined ? {} : { response: response({ url, headers: { 'content-type': 'text/javascript' }, body }) }),
});

describe('vulnerable-libraries', () => {
  it('finds an old jQuery served by the site and a vulnerable Bootstrap named by its CDN URL, with CVEs and fixed versions', async () => {
    const { findings, site } = await checkSite(vulnerableLibraries, {
      '/': html('<a href="/shop">Shop</a>', '<script src="/vendor/jq.js"></script>'),
      '/shop': html('', '<script src="https://cdn.example.invalid/npm/bootstrap@4.1.0/dist/js/bootstrap.min.js"></script>'),
      '/vendor/jq.js': js('/*! jQuery v1.12.4 | (c) jQuery Foundation | jquery.org/license */\n!function(a,b){}'),
    });
    expect(findings.map((f) => f.title)).toEqual([expect.stringMatching(/^jQuery 1\.12\.4 has \d+ known vulnerabilities$/), expect.stringMatching(/^Bootstrap 4\.1\.0 has \d+ known vulnerabilities$/)]);
    const [jquery, bootstrap] = findings;
    expect(jquery).toMatchObject({ severity: 'medium', location: { url: `${site.origin}/vendor/jq.js` } });
    expect(jquery!.evidence).toBe(`${site.origin}/vendor/jq.js — content: "/*! jQuery v1.12.4" (loaded by ${site.url})`);
    expect(jquery!.description).toContain('CVE-2019-11358 (medium, fixed in 3.4.0)');
    expect(jquery!.description).toContain('jQuery 1.x and 2.x no longer receive security fixes.');
    expect(jquery!.remediation).toBe('Upgrade jQuery to 3.5.0 or later (the first version without these known vulnerabilities) and test the pages that use it.');
    expect(jquery!.references).toContain('https://github.com/advisories/GHSA-gxr4-xjj5-5px2');
    expect(bootstrap!.evidence).toContain('file name: "/bootstrap@4.1.0/"');
    expect(bootstrap!.description).toContain('CVE-2018-14040 (medium, fixed in 4.1.2)');
    expect(bootstrap!.remediation).toContain('Upgrade Bootstrap to 4.3.1 or later');
  });

  it('finds nothing in current versions, and says it recognised them', async () => {
    const { findings, outcome } = await checkSite(vulnerableLibraries, {
      '/': html('', '<script src="/js/jquery-3.7.1.min.js"></script>'),
      '/js/jquery-3.7.1.min.js': js('/*! jQuery v3.7.1 | (c) OpenJS Foundation and other contributors | jquery.org/license */'),
    });
    expect(findings).toEqual([]);
    expect(outcome).toBe('vulnerable-libraries-none');
  });

  it('finds nothing on a soft-404 site whose script URLs name an old version but answer the HTML page', async () => {
    const { findings } = await checkSite(vulnerableLibraries, soft404(html('', '<script src="/js/jquery-1.8.3.min.js"></script>')));
    expect(findings).toEqual([]);
  });

  it('says there is no fixed version when none exists, and reports every library of a bundle', () => {
    const bundle = '/**\n * @license AngularJS v1.8.2\n */\n//! moment.js\n//! version : 2.29.1\n';
    const { findings } = vulnerableLibraries.run(artifacts({ depth: 'STANDARD', scripts: [script('https://site.test/vendor.js', bundle)] }));
    expect(findings.map((f) => f.title)).toEqual([expect.stringMatching(/^AngularJS 1\.8\.2/), expect.stringMatching(/^Moment\.js 2\.29\.1/)]);
    expect(findings[0]!.remediation).toMatch(/^No release of AngularJS fixes all of these \(it is end-of-life\)/);
    expect(findings[0]!.severity).toBe('high');
  });

  it('judges a script that got no answer by its URL alone', () => {
    const { findings } = vulnerableLibraries.run(artifacts({ depth: 'STANDARD', scripts: [{ url: 'https://cdn.test/ajax/libs/jquery/2.1.4/jquery.min.js', pages: ['https://site.test/'], response: failure('https://cdn.test/ajax/libs/jquery/2.1.4/jquery.min.js', 'DNS') }] }));
    expect(findings[0]?.title).toMatch(/^jQuery 2\.1\.4/);
  });

  it('uses a refreshed table when collect brought one', () => {
    const libraryTable = { updated: '2099-01-01', libraries: BUNDLED_TABLE.libraries.map((l) => (l.id === 'jquery' ? { ...l, vulnerabilities: [{ ranges: [{ below: '4.0.0' }], severity: 'critical' as const, cve: ['CVE-2099-0001'], summary: 'A vulnerability from the refreshed table.' }] } : l)) };
    const { findings } = vulnerableLibraries.run(artifacts({ depth: 'STANDARD', libraryTable, scripts: [script('https://site.test/jquery.js', '/*! jQuery v3.7.1 |')] }));
    expect(findings).toMatchObject([{ severity: 'critical', title: 'jQuery 3.7.1 has 1 known vulnerability' }]);
  });

  it('is not applicable when no script was gathered', () => {
    expect(vulnerableLibraries.run(artifacts()).notApplicable).toBeDefined();
    expect(vulnerableLibraries.run(artifacts({ scripts: [] })).notApplicable).toBe('The crawled pages load no scripts.');
  });
});
