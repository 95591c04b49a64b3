import { describe, expect, it } from 'vitest';
import { versionDisclosure } from '../../../../../runner/src/scanner/checks/security/version-disclosure.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (headers: Record<string, string>, html?: string) => versionDisclosure.run(artifacts({ headers, ...(html === undefined ? {} : { html }) }));

describe('version-disclosure', () => {
  it.each([
    ['Server', 'Apache/2.4.41 (Ubuntu)'],
    ['Server', 'nginx/1.18.0'],
    ['Server', 'Microsoft-IIS/10.0'],
    ['X-Powered-By', 'PHP/7.4.3'],
    ['X-AspNet-Version', '4.0.30319'],
    ['X-AspNetMvc-Version', '5.2'],
  ])('reports %s: %s as low with the header line', (name, value) => {
    const r = run({ [name.toLowerCase()]: value });
    expect(r.outcome).toBe('version-disclosed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'low', title: `${name} header reveals a version number`, evidence: `${name}: ${value}`, location: { header: name } });
  });

  it.each([
    ['server', 'nginx'],
    ['server', 'cloudflare'],
    ['x-powered-by', 'Express'],
    ['server', 'ECS (dcb/7F84)'],
  ])('passes %s: %s (a name, no version)', (name, value) => {
    expect(run({ [name]: value })).toEqual({ outcome: 'version-not-disclosed', findings: [] });
  });

  it('reports a generator meta tag with a version', () => {
    const r = run({}, '<html><head><meta name="generator" content="WordPress 6.4.2"></head></html>');
    expect(r.findings[0]!.evidence).toBe('<meta name="generator" content="WordPress 6.4.2">');
    expect(r.findings[0]!.location.selector).toBe('meta[name="generator"]');
  });
});
