import { describe, expect, it } from 'vitest';
import { assetFolders } from '../../../../../runner/src/scanner/collect/probes/directories.js';

describe('assetFolders', () => {
  it('lists the folders of same-origin assets, deepest first, each once, without the root', () => {
    const urls = ['https://site.test/assets/js/app.js', 'https://site.test/assets/css/site.css', 'https://site.test/logo.png', 'https://cdn.test/lib/x.js', 'https://site.test/assets/js/vendor.js'];
    expect(assetFolders(urls, 'https://site.test', 10)).toEqual(['/assets/js/', '/assets/', '/assets/css/']);
  });

  it('stops at the cap and skips paths with empty segments', () => {
    expect(assetFolders(['https://site.test/a/b/c/d.js'], 'https://site.test', 2)).toEqual(['/a/b/c/', '/a/b/']);
    expect(assetFolders(['https://site.test//x/y.js'], 'https://site.test', 5)).toEqual([]);
  });
});
