import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { errorDisclosure } from '../../../../../runner/src/scanner/checks/security/error-disclosure.js';
import { ERROR_SIGNATURES, errorSignatureIn } from '../../../../../runner/src/scanner/rules/error-signatures.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const NODE_TRACE = 'Error: Not Found\n    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)\n    at next (/srv/app/node_modules/express/lib/router/route.js:149:13)';
const MYSQL = "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''\\'' at line 1";

function site(notFound: string, search?: (q: string) => { status: number; body: string }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(html('<a href="/search?q=shoes">Search</a> <a href="/blog">Blog</a>'));
    }
    if (url.pathname === '/blog') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(html(`<article><p>Last week a customer saw this: <code>${MYSQL}</code></p></article>`));
    }
    if (url.pathname === '/search' && search) {
      const answer = search(url.searchParams.get('q') ?? '');
      res.writeHead(answer.status, { 'content-type': 'text/html' });
      return void res.end(answer.body);
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end(notFound);
  };
}

describe('error-disclosure', () => {
  it('finds a stack trace on the not-found page (STANDARD)', async () => {
    const { findings, site: s } = await checkSite(errorDisclosure, site(`<pre>${NODE_TRACE}</pre>`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', title: 'A Node.js stack trace is shown to visitors' });
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.origin}/issafesite-[0-9a-f]+ \\(a path that does not exist\\) → 404: " at Layer\\.handle`));
  });

  it('finds a framework debug page (high)', async () => {
    const django = "<html><body><h1>Page not found (404)</h1><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>";
    const { findings } = await checkSite(errorDisclosure, site(django));
    expect(findings).toMatchObject([{ severity: 'high', title: 'A Django debug page is shown to visitors' }]);
  });

  it('finds a database error provoked by a quote in a parameter at DEEP (high), and not the same text in an article', async () => {
    const { findings, site: s } = await checkSite(
      errorDisclosure,
      site('Not found', (q) => (q.includes("'") ? { status: 500, body: `<h1>Error</h1><p>${MYSQL}</p>` } : { status: 200, body: html(`Results for ${q}`) })),
      'DEEP',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', title: 'A MySQL/MariaDB error message reaches visitors when a parameter contains a quote', location: { url: expect.stringContaining(`${s.origin}/search?q=`) } });
    expect(findings[0]!.evidence).toContain('→ 500: "You have an error in your SQL syntax');
    expect(findings[0]!.remediation).toMatch(/^Use parameterised queries/);
  });

  it('does not count an error text that the unmodified page shows anyway', async () => {
    const { findings } = await checkSite(errorDisclosure, site('Not found', () => ({ status: 200, body: html(`<p>FAQ: what does "${MYSQL}" mean?</p>`) })), 'DEEP');
    expect(findings).toEqual([]);
  });

  it('finds nothing on a plain site or a soft-404 site', async () => {
    expect((await checkSite(errorDisclosure, site('<h1>Not found</h1>'), 'DEEP')).findings).toEqual([]);
    expect((await checkSite(errorDisclosure, soft404(), 'DEEP')).findings).toEqual([]);
  });
});

describe('error signatures', () => {
  it.each([
    ['java-stack', 'java.lang.NullPointerException: boom\n\tat com.acme.shop.Cart.total(Cart.java:42)'],
    ['dotnet-stack', 'System.InvalidOperationException\n   at Acme.Web.Controllers.HomeController.Index() in C:\\src\\Home.cs:line 17'],
    ['python-traceback', 'Traceback (most recent call last):\n  File "/app/views.py", line 12, in index'],
    ['php-error', '<b>Warning</b>:  Undefined variable $x in <b>/var/www/html/index.php</b> on line <b>3</b>'],
    ['ruby-backtrace', "/app/controllers/home_controller.rb:5:in `index'"],
    ['go-panic', 'panic: runtime error\n\ngoroutine 1 [running]:\nmain.main()'],
    ['postgres-error', 'ERROR:  unterminated quoted string at or near "\'"'],
    ['mssql-error', "Unclosed quotation mark after the character string ''."],
    ['oracle-error', 'ORA-01756: quoted string not properly terminated'],
    ['sqlite-error', 'SQLite3::SQLException: near "x": syntax error'],
    ['pdo-error', 'SQLSTATE[42000]: Syntax error or access violation'],
    ['werkzeug-debugger', 'The debugger caught an exception in your WSGI application.'],
    ['aspnet-yellow-screen', "Server Error in '/' Application.\n<b> Exception Details: </b>System.Exception"],
  ])('recognises %s', (id, text) => {
    expect(errorSignatureIn(text)?.signature.id).toBe(id);
  });

  it('does not take ordinary prose for an error', () => {
    for (const text of ['Warning: this product contains nuts', 'We fixed an error in our SQL reports', 'at home (see map)']) expect(errorSignatureIn(text)).toBeUndefined();
    expect(ERROR_SIGNATURES.length).toBeGreaterThan(15);
  });
});
