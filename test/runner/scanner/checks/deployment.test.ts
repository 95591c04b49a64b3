import { describe, expect, it } from 'vitest';
import { isLocalHost, isPlatformPreviewHost, isPreviewDeployment } from '../../../../runner/src/scanner/checks/deployment.js';

describe('deployment', () => {
  it.each(['localhost', 'app.localhost', '127.0.0.1', '[::1]', '10.0.0.5', '192.168.1.20', '172.16.0.1', 'fd12::1', '0.0.0.0'])('treats %s as a local build', (host) => {
    expect(isLocalHost(host)).toBe(true);
  });

  it.each(['example.com', '8.8.8.8', 'localhost.example.com', 'site.test'])('treats %s as a public host', (host) => {
    expect(isLocalHost(host)).toBe(false);
    expect(isPreviewDeployment(host)).toBe(false);
  });

  it('recognises preview hosts of deployment platforms, not their lookalikes', () => {
    expect(isPlatformPreviewHost('acme-git-feature-team.vercel.app')).toBe(true);
    expect(isPlatformPreviewHost('deploy-preview-12--acme.netlify.app')).toBe(true);
    expect(isPlatformPreviewHost('abc123.acme.pages.dev')).toBe(true);
    expect(isPlatformPreviewHost('vercel.app.example.com')).toBe(false);
  });
});
