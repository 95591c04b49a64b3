// Every exposure rule against a fixture site that has the file (found, with evidence), one that answers the
// same path with something else (not found), and a soft-404 site (nothing found at all).
import { afterEach, describe, expect, it } from 'vitest';
import { exposedFiles } from '../../../../../runner/src/scanner/checks/security/exposed-files.js';
import { fetchNotFoundBaseline } from '../../../../../runner/src/scanner/collect/probes/not-found.js';
import { probeExposures } from '../../../../../runner/src/scanner/collect/probes/exposures.js';
import { EXPOSURE_RULES } from '../../../../../runner/src/scanner/rules/exposures.js';
import type { LoadedScript, Severity } from '../../../../../runner/src/scanner/types.js';
import { startServer, type Fixture, type Routes } from '../../../../support/fixture-server.js';
import { siteArtifacts, withFetcher } from '../../../../support/probes.js';

const open: Fixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const text = (body: string | Buffer, type = 'text/plain') => ({ headers: { 'content-type': type }, body });
const HTML = '<!doctype html><html><head><title>Site</title></head><body>Welcome</body></html>';

interface Case {
  rule: string;
  path: string;
  has: ReturnType<typeof text>;
  /** A near miss at the same path: must not count. */
  hasNot: ReturnType<typeof text>;
  severity: Severity;
  evidence: string;
  deep?: boolean;
}

const CASES: Case[] = [
  { rule: 'git-head', path: '/.git/HEAD', has: text('ref: refs/heads/main\n'), hasNot: text(`${HTML}ref: refs/heads/main`, 'text/html'), severity: 'critical', evidence: '"ref: refs/heads/main"' },
  { rule: 'git-config', path: '/.git/config', has: text('[core]\n\trepositoryformatversion = 0\n\tbare = false\n'), hasNot: text('[core]\nname = x\n'), severity: 'critical', evidence: '"[core]"' },
  { rule: 'git-index', path: '/.git/index', has: text(Buffer.concat([Buffer.from('DIRC'), Buffer.alloc(8)]), 'application/octet-stream'), hasNot: text(Buffer.from('NOTDIRC'), 'application/octet-stream'), severity: 'critical', evidence: '44 49 52 43 (Git index (DIRC))', deep: true },
  { rule: 'env-file', path: '/.env', has: text('APP_NAME=Shop\n# database\nDB_PASSWORD=hunter2\n'), hasNot: text('{"APP_NAME":"Shop","DB":"x"}', 'application/json'), severity: 'critical', evidence: '"APP_NAME=<redacted>"' },
  { rule: 'svn-entries', path: '/.svn/entries', has: text('12\n'), hasNot: text(HTML, 'text/html'), severity: 'critical', evidence: '"12"' },
  { rule: 'ds-store', path: '/.DS_Store', has: text(Buffer.from('0000000142756431000010000000080000', 'hex'), 'application/octet-stream'), hasNot: text(Buffer.from('00000002', 'hex'), 'application/octet-stream'), severity: 'low', evidence: '(.DS_Store (Bud1))' },
  { rule: 'htpasswd', path: '/.htpasswd', has: text('admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/\n'), hasNot: text('admin\n'), severity: 'critical', evidence: '"admin: <redacted>"' },
  { rule: 'server-status', path: '/server-status', has: text('<html><head><title>Apache Status</title></head><body><h1>Apache Server Status for example.com (via 10.0.0.5)</h1><dl><dt>Server Version: Apache/2.4.57 (Unix)</dt><dt>Server uptime: 3 days</dt></dl></body></html>', 'text/html'), hasNot: text(`${HTML}<p>Server status: all good</p>`, 'text/html'), severity: 'medium', evidence: 'Apache Server Status for' },
  { rule: 'server-info', path: '/server-info', has: text('<html><title>Server Information</title><h1 align="center">Apache Server Information</h1><dt><strong>Server Settings</strong></dt></html>', 'text/html'), hasNot: text(HTML, 'text/html'), severity: 'medium', evidence: 'Apache Server Information' },
  { rule: 'phpinfo', path: '/phpinfo.php', has: text('<!DOCTYPE html><html><head><title>phpinfo()</title></head><body><h1 class="p">PHP Version 8.2.7</h1><table><tr><td class="e">Configuration File (php.ini) Path</td></tr></table><h2>PHP License</h2></body></html>', 'text/html'), hasNot: text(`${HTML}<p>We use PHP.</p>`, 'text/html'), severity: 'medium', evidence: '<title>phpinfo()</title>' },
  { rule: 'sql-dump', path: '/dump.sql', has: text('-- MySQL dump 10.13  Distrib 8.0.33\n--\n-- Table structure for table `users`\nCREATE TABLE `users` (\n', 'application/sql'), hasNot: text(`${HTML}<pre>CREATE TABLE users</pre>`, 'text/html'), severity: 'critical', evidence: '"-- MySQL dump 10.13  Distrib 8.0.33"' },
  { rule: 'backup-archive', path: '/backup.zip', has: text(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(40)]), 'application/zip'), hasNot: text(HTML, 'text/html'), severity: 'critical', evidence: '50 4b 03 04 (ZIP archive)' },
  { rule: 'wp-config-backup', path: '/wp-config.php.bak', has: text("<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_PASSWORD', 'P@ssw0rd' );\n"), hasNot: text('<?php\n// nothing here\n'), severity: 'critical', evidence: "define( 'DB_PASSWORD', <redacted>);" },
  { rule: 'actuator-env', path: '/actuator/env', has: text('{"activeProfiles":["prod"],"propertySources":[{"name":"server.ports"}]}', 'application/json'), hasNot: text('{"status":"UP"}', 'application/json'), severity: 'high', evidence: '{\\"activeProfiles\\": <redacted>' },
  { rule: 'elmah', path: '/elmah.axd', has: text('<html><head><title>Error log for ROOT on WEB01</title></head><body><h1>Error Log for <span>ROOT on WEB01</span></h1><p>Powered by ELMAH</p></body></html>', 'text/html'), hasNot: text(HTML, 'text/html'), severity: 'high', evidence: 'Error Log for' },
  { rule: 'trace-axd', path: '/trace.axd', has: text('<html><head><title>Application Trace</title></head><body><h1>Application Trace</h1><span>Requests to this Application</span></body></html>', 'text/html'), hasNot: text(HTML, 'text/html'), severity: 'high', evidence: 'Application Trace' },
  { rule: 'api-description', path: '/openapi.json', has: text('{"openapi":"3.0.3","info":{"title":"API"},"paths":{"/users":{}}}', 'application/json'), hasNot: text('{"error":"not found"}', 'application/json'), severity: 'info', evidence: 'openapi' },
  { rule: 'docker-compose', path: '/docker-compose.yml', has: text('services:\n  web:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n', 'application/yaml'), hasNot: text('version: 1\n', 'application/yaml'), severity: 'medium', evidence: '"services:"' },
  { rule: 'npmrc', path: '/.npmrc', has: text('registry=https://registry.npmjs.org/\n'), hasNot: text(HTML, 'text/html'), severity: 'medium', evidence: '"registry=<redacted>"' },
  { rule: 'aws-credentials', path: '/.aws/credentials', has: text('[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n'), hasNot: text('[default]\nregion = eu-west-1\n'), severity: 'critical', evidence: '"aws_access_key_id =<redacted>"', deep: true },
];

async function findings(routes: Routes | Parameters<typeof startServer>[0], deep = false, scripts: LoadedScript[] = []) {
  const site = await startServer(routes);
  open.push(site);
  const collected = await withFetcher(async (fetcher, deadline) => {
    const notFoundBaseline = await fetchNotFoundBaseline(fetcher, site.origin, deadline);
    const exposures = await probeExposures(fetcher, site.origin, deep, scripts.map((s) => ({ ...s, url: s.url.replace('ORIGIN', site.origin) })), deadline);
    return { notFoundBaseline, exposures };
  });
  return { site, result: exposedFiles.run(siteArtifacts(site, collected)) };
}

describe('exposed-files', () => {
  it('has a case for every rule', () => {
    expect(new Set([...CASES.map((c) => c.rule), 'source-map'])).toEqual(new Set(EXPOSURE_RULES.map((r) => r.id)));
  });

  it.each(CASES.map((c) => [c.rule, c] as const))('%s: found on a site that serves it, with evidence', async (_id, c) => {
    const { site, result } = await findings({ '/': HTML, [c.path]: c.has }, c.deep);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ severity: c.severity, location: { url: `${site.origin}${c.path}` } });
    expect(f!.evidence).toContain(`GET ${site.origin}${c.path} → 200`);
    expect(f!.evidence).toContain(c.evidence);
    expect(result.outcome).toBe('exposed-files-found');
  });

  it.each(CASES.map((c) => [c.rule, c] as const))('%s: not found when the path answers something else', async (_id, c) => {
    const { result } = await findings({ '/': HTML, [c.path]: c.hasNot }, c.deep);
    expect(result.findings).toEqual([]);
  });

  it('finds nothing on a site that answers 200 with the same page for every path, and says so', async () => {
    const { site, result } = await findings((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HTML);
    }, true);
    expect(result).toEqual({ outcome: 'exposed-files-none-soft-404', findings: [] });
    expect(site.requests.length).toBeGreaterThan(80);
  });

  it('finds nothing on a soft-404 site that echoes the path and serves plain text', async () => {
    const { result } = await findings((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`KEY=${req.url}\nOTHER=value\n[core] ref: refs/heads/main`);
    }, true);
    expect(result.findings).toEqual([]);
  });

  it('only probes the common variants at DEEP', async () => {
    const shallow = await findings({ '/': HTML, '/.env.production': text('APP=1\nDB=2\n') }, false);
    const deep = await findings({ '/': HTML, '/.env.production': text('APP=1\nDB=2\n') }, true);
    expect(shallow.result.findings).toEqual([]);
    expect(deep.result.findings.map((f) => f.location.url)).toEqual([`${deep.site.origin}/.env.production`]);
  });

  it('raises a Compose file with passwords to critical and hides the value', async () => {
    const { result } = await findings({ '/': HTML, '/docker-compose.yml': text('services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cret-value\n') });
    expect(result.findings[0]).toMatchObject({ severity: 'critical' });
    expect(result.findings[0]!.description).toContain('passwords or secrets');
    expect(result.findings[0]!.evidence).toContain('POSTGRES_PASSWORD: <redacted>');
    expect(result.findings[0]!.evidence).not.toContain('s3cret');
  });

  describe('source maps of the site\'s scripts', () => {
    const MAP = '{"version":3,"file":"app.js","sources":["src/app.ts"],"names":[],"mappings":"AAAA"}';
    const script = (body: string, headers: Record<string, string> = {}): LoadedScript => ({
      url: 'ORIGIN/js/app.js',
      pages: ['ORIGIN/'],
      response: { requestedUrl: '', url: '', status: 200, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), body: Buffer.from(body), truncated: false, transferBytes: body.length, redirects: [], remoteAddress: '127.0.0.1', httpVersion: '1.1', timings: { ttfbMs: 1, totalMs: 1 } },
    });

    it('finds the map named by sourceMappingURL, and rates one with sourcesContent higher', async () => {
      const withSource = MAP.replace('"names"', '"sourcesContent":["const secret = 1"],"names"');
      const declared = await findings({ '/': HTML, '/js/maps/app.js.map': text(MAP, 'application/json') }, false, [script('x();\n//# sourceMappingURL=maps/app.js.map')]);
      expect(declared.result.findings).toMatchObject([{ severity: 'low', location: { url: `${declared.site.origin}/js/maps/app.js.map` } }]);
      expect(declared.result.findings[0]!.description).toContain(`It belongs to ${declared.site.origin}/js/app.js.`);
      const embedded = await findings({ '/': HTML, '/js/app.js.map': text(withSource, 'application/json') }, false, [script('x();')]);
      expect(embedded.result.findings).toMatchObject([{ severity: 'medium' }]);
    });

    it('follows the SourceMap header, and finds nothing when the map is not served', async () => {
      const header = await findings({ '/': HTML, '/m/app.map': text(MAP, 'application/json') }, false, [script('x();', { sourcemap: '/m/app.map' })]);
      expect(header.result.findings).toHaveLength(1);
      const none = await findings({ '/': HTML }, false, [script('x();')]);
      expect(none.result.findings).toEqual([]);
    });
  });
});
