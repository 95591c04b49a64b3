import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { sameOriginResources } from '../../../../runner/src/scanner/collect/resources.js';

describe('sameOriginResources', () => {
  it('lists scripts, stylesheets and images of the same origin in page order, each once', () => {
    const $ = load(`<head><script src="/a.js"></script><link rel="preload stylesheet" href="b.css"><link rel="icon" href="/i.ico"></head>
      <body><img src="//site.test/c.png"><img src="/c.png#x"><img src="data:image/png;base64,AA=="><script src="https://cdn.example/x.js"></script><img src="http://site.test/d.png"></body>`);
    expect(sameOriginResources($, 'https://site.test/dir/page')).toEqual(['https://site.test/a.js', 'https://site.test/dir/b.css', 'https://site.test/c.png']);
  });

  it('resolves against <base href>', () => {
    const $ = load('<base href="/assets/"><script src="app.js"></script>');
    expect(sameOriginResources($, 'https://site.test/x/y')).toEqual(['https://site.test/assets/app.js']);
  });

  it('stops at the limit', () => {
    const $ = load(Array.from({ length: 40 }, (_, i) => `<img src="/${i}.png">`).join(''));
    expect(sameOriginResources($, 'https://site.test/', 30)).toHaveLength(30);
  });
});
