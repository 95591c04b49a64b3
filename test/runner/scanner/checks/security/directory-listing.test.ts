import { afterEach, describe, expect, it } from 'vitest';
import { directoryListing } from '../../../../../runner/src/scanner/checks/security/directory-listing.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const HOME = html('<img src="/uploads/2024/photo.png" alt="">', '<script src="/assets/js/app.js"></script>');
const ASSETS = {
  '/assets/js/app.js': { headers: { 'content-type': 'text/javascript' }, body: 'x()' },
  '/uploads/2024/photo.png': { headers: { 'content-type': 'image/png' }, body: Buffer.alloc(10) },
};

describe('directory-listing', () => {
  it.each([
    ['Apache', '<html><head><title>Index of /uploads/2024</title></head><body><h1>Index of /uploads/2024</h1><a href="?C=N;O=D">Name</a><a href="/uploads/">Parent Directory</a><a href="photo.png">photo.png</a><a href="db-export.sql">db-export.sql</a></body></html>', 'medium'],
    ['nginx', '<html><head><title>Index of /uploads/2024/</title></head><body><h1>Index of /uploads/2024/</h1><hr><pre><a href="../">../</a>\n<a href="photo.png">photo.png</a></pre></body></html>', 'low'],
    ['Python http.server', '<!DOCTYPE HTML><html><head><title>Directory listing for /uploads/2024/</title></head><body><ul><li><a href="photo.png">photo.png</a></li></ul></body></html>', 'low'],
  ])('finds a %s listing of an asset folder, with the files it lists', async (_server, listing, severity) => {
    const { findings, site } = await checkSite(directoryListing, { '/': HOME, ...ASSETS, '/uploads/2024/': listing });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, location: { url: `${site.origin}/uploads/2024/` } });
    expect(findings[0]!.evidence).toContain(`GET ${site.origin}/uploads/2024/ → 200: "`);
    expect(findings[0]!.evidence).toContain('photo.png');
    expect(site.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['/assets/js/', '/assets/', '/uploads/2024/', '/uploads/']));
  });

  it('finds nothing when the folders are forbidden or missing', async () => {
    const { findings, outcome } = await checkSite(directoryListing, { '/': HOME, ...ASSETS, '/uploads/2024/': { status: 403, body: 'Forbidden' } });
    expect(findings).toEqual([]);
    expect(outcome).toBe('directory-listing-off');
  });

  it('finds nothing on a soft-404 site', async () => {
    const { findings } = await checkSite(directoryListing, soft404(HOME));
    expect(findings).toEqual([]);
  });
});
