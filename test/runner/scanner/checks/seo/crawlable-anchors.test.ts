import { describe, expect, it } from 'vitest';
import { crawlableAnchors } from '../../../../../runner/src/scanner/checks/seo/crawlable-anchors.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (body: string) => crawlableAnchors.run(artifacts({ html: doc(body) }));

describe('crawlable-anchors', () => {
  it('passes real links, fragments, mail and phone links, placeholders and non-link anchors', () => {
    const body = '<a href="/a">A</a><a href="https://x.test/">X</a><a href="#top">Top</a><a href="#">Menu</a><a href="mailto:javascript:x">M</a><a href="tel:+1">T</a><a>Current page</a><a id="section"></a><a name="old-anchor" onclick="x()">N</a><a role="button" href="javascript:go()">B</a>';
    expect(run(body)).toEqual({ outcome: 'crawlable-anchors-ok', findings: [] });
  });

  it.each([
    ['<a href="javascript:void(0)">Products</a>', 'javascript: URL'],
    ['<a href=" java script:goTo(\'p\')">Products</a>', 'javascript: URL'],
    ['<a href="#" onclick="go()">Products</a>', 'href="#" with an onclick handler'],
    ['<a href="" onclick="go()">Products</a>', 'href="" with an onclick handler'],
    ['<a onclick="go()">Products</a>', 'no href, only an onclick handler'],
    ['<a target="_blank">Products</a>', 'no href'],
    ['<a href="file:///C:/site/index.html">Home</a>', 'file: URL'],
    ['<a href="http://[::1">Broken</a>', 'href is not a valid URL'],
  ])('reports %s as not crawlable (%s)', (html, reason) => {
    const r = run(html);
    expect(r.outcome).toBe('crawlable-anchors-uncrawlable');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.evidence).toContain(`(${reason})`);
  });

  it('counts the failing links and locates the first', () => {
    const r = run('<a href="/ok">ok</a><nav><a href="javascript:a()">a</a><a onclick="b()">b</a></nav>');
    expect(r.findings[0]).toMatchObject({ title: '2 links are not crawlable', location: { selector: 'html > body > nav > a:nth-of-type(1)' } });
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(crawlableAnchors.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
