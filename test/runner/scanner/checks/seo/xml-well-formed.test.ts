import { describe, expect, it } from 'vitest';
import { xmlWellFormedError } from '../../../../../runner/src/scanner/checks/seo/xml-well-formed.js';

describe('xmlWellFormedError', () => {
  it('accepts a well-formed sitemap with declaration, comments, CDATA and entities', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://a.test/?a=1&amp;b=2</loc><lastmod><![CDATA[2026-01-01]]></lastmod></url>\n<url/>\n</urlset>\n';
    expect(xmlWellFormedError(xml)).toBeUndefined();
  });

  it.each([
    ['<urlset><url><loc>https://a.test/?a=1&b=2</loc></url></urlset>', 1, 'an "&" that is not an entity (write &amp;)'],
    ['<urlset>\n<url><loc>x</url></loc>\n</urlset>', 2, '</url> closes <loc> (line 2)'],
    ['<urlset>\n<url>\n', 2, '<url> is never closed'],
    ['<urlset></urlset><urlset></urlset>', 1, 'a second root element'],
    ['hello <urlset></urlset>', 1, 'text outside the root element'],
    ['<urlset a=b></urlset>', 1, 'a "<" that does not start a valid tag (unquoted attribute or bad name)'],
    ['', 1, 'no root element'],
  ])('reports %j at line %i', (xml, line, message) => {
    expect(xmlWellFormedError(xml)).toEqual({ line, message });
  });
});
