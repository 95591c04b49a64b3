// A small site for the active-probe checks' tests (home, a search page), where `special` may answer a
// request first.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../../../../support/collect-site.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** A small site (home, a search page) where `special` may answer a request first. */
export function site(special: Handler = () => false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (special(req, res, url)) return;
    if (url.pathname === '/' || url.pathname === '/search') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html(url.pathname === '/' ? '<a href="/search?q=shoes">Search</a>' : '<p>Results</p>'));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  };
}
