import { afterEach, describe, expect, it } from 'vitest';
import { oversizedImages } from '../../../../../runner/src/scanner/checks/traffic/oversized-images.js';
import { artifacts, response } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html } from '../../../../support/collect-site.js';

afterEach(closeSites);

const png = (bytes: number) => ({ headers: { 'content-type': 'image/png' }, body: Buffer.alloc(bytes) });

describe('oversized-images', () => {
  it('finds images over 500 kB anywhere on the crawled site, heaviest first', async () => {
    const { findings, site } = await checkSite(oversizedImages, {
      '/': html('<img src="/hero.png" alt=""><a href="/gallery">Gallery</a>'),
      '/gallery': html('<img src="/g/1.png" alt=""><img src="/g/2.png" alt="">'),
      '/hero.png': png(600_000),
      '/g/1.png': png(100_000),
      '/g/2.png': png(900_000),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'low', title: '2 images are over 500.0 kB', location: { url: `${site.origin}/g/2.png` } });
    expect(findings[0]!.evidence).toBe(`${site.origin}/g/2.png (900.0 kB); ${site.origin}/hero.png (600.0 kB)`);
  });

  it('rates an image over 1.5 MB medium, measured by Content-Length when the read was cut', () => {
    const cut = response({ url: 'https://site.test/huge.jpg', headers: { 'content-type': 'image/jpeg', 'content-length': '3000000' }, body: Buffer.alloc(10), truncated: true });
    expect(oversizedImages.run(artifacts({ resources: [cut] })).findings[0]).toMatchObject({ severity: 'medium', evidence: 'https://site.test/huge.jpg (3.00 MB)' });
  });

  it('passes small images', async () => {
    expect((await checkSite(oversizedImages, { '/': html('<img src="/a.png" alt="">'), '/a.png': png(20_000) })).outcome).toBe('oversized-images-none');
  });
});
