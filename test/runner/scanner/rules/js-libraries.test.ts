import { describe, expect, it } from 'vitest';
import { BUNDLED_TABLE, detectLibraries, fromRetire, safeVersion, vulnerabilitiesOf } from '../../../../runner/src/scanner/rules/js-libraries.js';
import { parseVersion } from '../../../../runner/src/scanner/rules/versions.js';
import { SEVERITIES } from '../../../../runner/src/scanner/types.js';

const lib = (id: string) => BUNDLED_TABLE.libraries.find((l) => l.id === id)!;

describe('the bundled table', () => {
  it.each(BUNDLED_TABLE.libraries.map((l) => [l.id, l] as const))('%s has compilable patterns with a version group and well-formed vulnerabilities', (_id, library) => {
    for (const p of [...(library.detect.urls ?? []), ...(library.detect.content ?? [])]) {
      expect(p).toContain('(§V)');
      expect(() => new RegExp(p.replaceAll('§V', '\\d+'))).not.toThrow();
    }
    expect(library.vulnerabilities.length).toBeGreaterThan(0);
    for (const v of library.vulnerabilities) {
      expect(v.cve.length > 0 || v.ghsa !== undefined).toBe(true);
      for (const cve of v.cve) expect(cve).toMatch(/^CVE-\d{4}-\d{4,}$/);
      if (v.ghsa) expect(v.ghsa).toMatch(/^GHSA(-[0-9a-z]{4}){3}$/);
      expect(SEVERITIES).toContain(v.severity);
      expect(v.summary.length).toBeGreaterThan(20);
      for (const r of v.ranges) for (const bound of [r.atOrAbove, r.below]) if (bound !== undefined) expect(parseVersion(bound)).toBeDefined();
    }
  });
});

describe('detectLibraries', () => {
  it.each([
    ['jquery', 'https://cdn.example/js/jquery-1.8.3.min.js', undefined, '1.8.3', 'url'],
    ['jquery', 'https://ajax.googleapis.com/ajax/libs/jquery/2.2.4/jquery.min.js', undefined, '2.2.4', 'url'],
    ['jquery', '/static/vendor.js', '/*! jQuery v3.4.1 | (c) JS Foundation and other contributors | jquery.org/license */', '3.4.1', 'content'],
    ['jquery', '/static/jq.js', '/*!\n * jQuery JavaScript Library v1.12.4\n * http://jquery.com/', '1.12.4', 'content'],
    ['jquery-ui', '/js/ui.js', '/*! jQuery UI - v1.12.1 - 2016-09-14', '1.12.1', 'content'],
    ['jquery-ui', 'https://code.jquery.com/ui/1.13.2/jquery-ui-1.13.2.min.js', undefined, '1.13.2', 'url'],
    ['angularjs', '/a.js', '/**\n * @license AngularJS v1.5.8\n * (c) 2010-2016 Google, Inc.', '1.5.8', 'content'],
    ['angularjs', 'https://cdnjs.cloudflare.com/ajax/libs/angular.js/1.7.9/angular.min.js', undefined, '1.7.9', 'url'],
    ['bootstrap', '/b.js', '/*!\n  * Bootstrap v4.3.1 (https://getbootstrap.com/)', '4.3.1', 'content'],
    ['bootstrap', 'https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js', undefined, '5.3.2', 'url'],
    ['lodash', '/l.js', '/**\n * @license\n * Lodash <https://lodash.com/>\n */\n;(function() {\n  var undefined;\n  var VERSION = \'4.17.15\';', '4.17.15', 'content'],
    ['lodash', '/l.min.js', 'var u,i="4.17.4",o=200,f="Expected a function",a="__lodash_hash_undefined__"', '4.17.4', 'content'],
    ['underscore', '/u.js', '//     Underscore.js 1.9.1\n//     http://underscorejs.org', '1.9.1', 'content'],
    ['moment', '/m.js', '//! moment.js\n//! version : 2.29.1\n//! authors : Tim Wood', '2.29.1', 'content'],
    ['handlebars', '/h.js', '/**!\n\n @license\n handlebars v4.7.6\n', '4.7.6', 'content'],
    ['vue', '/v.js', '/*!\n * Vue.js v2.6.14\n * (c) 2014-2021 Evan You', '2.6.14', 'content'],
    ['vue', '/v3.js', '/**\n* vue v3.4.21\n* (c) 2018-present Yuxi (Evan) You', '3.4.21', 'content'],
    ['react-dom', '/r.js', '/** @license React v16.4.1\n * react-dom.production.min.js', '16.4.1', 'content'],
    ['react-dom', '/r2.js', 'Rd({findFiberByHostInstance:Fc,bundleType:0,version:"17.0.2",rendererPackageName:"react-dom"})', '17.0.2', 'content'],
    ['dompurify', '/p.js', '/*! @license DOMPurify 2.3.3 | (c) Cure53 and other contributors', '2.3.3', 'content'],
  ])('recognises %s in %s', (id, url, content, version, via) => {
    const found = detectLibraries(url, content).find((d) => d.library.id === id);
    expect(found).toMatchObject({ version, via });
  });

  it('reads a minified file name without taking ".min" for part of the version', () => {
    expect(detectLibraries('/js/jquery-3.6.0.slim.min.js', undefined)[0]?.version).toBe('3.6.0');
  });

  it('prefers the content over the file name when both name a version', () => {
    expect(detectLibraries('/js/jquery-1.8.3.js', '/*! jQuery v3.7.1 | (c) OpenJS Foundation')[0]).toMatchObject({ version: '3.7.1', via: 'content' });
  });

  it('does not take lodash\'s credit line for Underscore, nor jQuery UI\'s banner for jQuery', () => {
    const lodashMin = '/**\n * @license\n * Lodash lodash.com/license | Underscore.js 1.8.3 underscorejs.org/LICENSE\n */';
    expect(detectLibraries('/vendor/lodash.min.js', lodashMin).map((d) => d.library.id)).not.toContain('underscore');
    expect(detectLibraries('/ui.js', '/*! jQuery UI - v1.12.1 - 2016-09-14').map((d) => d.library.id)).toEqual(['jquery-ui']);
  });

  it('recognises nothing in a script of the site itself', () => {
    expect(detectLibraries('/assets/app-3f2a9c.js', 'console.log("hello");')).toEqual([]);
  });
});

describe('vulnerabilitiesOf and safeVersion', () => {
  it('matches jQuery 1.8.3 with its CVEs and the fixed version of each, and asks for 3.5.0', () => {
    const matched = vulnerabilitiesOf(lib('jquery'), '1.8.3');
    const cves = matched.flatMap((m) => m.vulnerability.cve);
    expect(cves).toEqual(expect.arrayContaining(['CVE-2012-6708', 'CVE-2015-9251', 'CVE-2019-11358', 'CVE-2020-11022', 'CVE-2020-11023']));
    expect(matched.find((m) => m.vulnerability.cve.includes('CVE-2015-9251'))?.fixedIn).toBe('1.12.0');
    expect(safeVersion(matched)).toBe('3.5.0');
  });

  it('finds nothing in a current jQuery', () => {
    expect(vulnerabilitiesOf(lib('jquery'), '3.7.1')).toEqual([]);
  });

  it('uses the fix of the branch the version is on', () => {
    const matched = vulnerabilitiesOf(lib('bootstrap'), '4.1.0');
    expect(matched.find((m) => m.vulnerability.cve.includes('CVE-2018-14040'))?.fixedIn).toBe('4.1.2');
    expect(safeVersion(matched)).toBe('4.3.1');
  });

  it('has no safe version when a vulnerability has no fix', () => {
    expect(safeVersion(vulnerabilitiesOf(lib('angularjs'), '1.8.3'))).toBeNull();
  });
});

describe('fromRetire', () => {
  it('replaces the vulnerabilities of known libraries with those of a retire.js repository document, keeping our patterns', () => {
    const doc = {
      jquery: {
        vulnerabilities: [
          { below: '3.5.0', atOrAbove: '1.2', severity: 'medium', identifiers: { CVE: ['CVE-2020-11022'], githubID: 'GHSA-gxr4-xjj5-5px2', summary: 'Regex in htmlPrefilter' } },
          { below: '999.999.999', severity: 'low', identifiers: { githubID: 'GHSA-aaaa-bbbb-cccc' } },
          { below: '1.0.0', severity: 'low', identifiers: { summary: 'no identifier: skipped' } },
        ],
        extractors: {},
      },
    };
    const table = fromRetire(doc, BUNDLED_TABLE, '2026-09-01');
    const jquery = table.libraries.find((l) => l.id === 'jquery')!;
    expect(table.updated).toBe('2026-09-01');
    expect(jquery.detect).toEqual(lib('jquery').detect);
    expect(jquery.vulnerabilities).toEqual([
      { ranges: [{ atOrAbove: '1.2', below: '3.5.0' }], severity: 'medium', cve: ['CVE-2020-11022'], ghsa: 'GHSA-gxr4-xjj5-5px2', summary: 'Regex in htmlPrefilter' },
      { ranges: [{}], severity: 'low', cve: [], ghsa: 'GHSA-aaaa-bbbb-cccc', summary: 'Known vulnerability (see the advisory).' },
    ]);
    expect(table.libraries.find((l) => l.id === 'lodash')).toEqual(lib('lodash'));
  });

  it('rejects a document that names none of our libraries', () => {
    expect(() => fromRetire({ other: { vulnerabilities: [] } })).toThrow(/none of the known libraries/);
    expect(() => fromRetire('nope')).toThrow(/JSON object/);
  });
});
