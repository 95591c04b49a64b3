// A 500-page fixture site for bench/crawl.mjs, run in its own process so that serving does not take CPU
// from the crawler being measured. Page 0 is "/", the others "/p/<n>"; each links to the next eight pages
// and home, so a breadth-first crawl from "/" reaches all 500. Each page is about 8 KB of HTML with a title,
// a description, a stylesheet and a script, like a small content site. Prints the origin on stdout.
import http from 'node:http';

export const PAGES = 500;
const pathOf = (n) => (n === 0 ? '/' : `/p/${n}`);
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';

function page(n) {
  const links = Array.from({ length: 8 }, (_, k) => (n + k + 1) % PAGES).map((m) => `<li><a href="${pathOf(m)}">Article ${m}</a></li>`).join('');
  const paragraphs = Array.from({ length: 12 }, (_, k) => `<p id="p${k}">${filler.repeat(5)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article ${n} — Bench site</title>
<meta name="description" content="Article number ${n} of the bench site.">
<link rel="canonical" href="${pathOf(n)}"><link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" defer></script></head>
<body><header><nav><a href="/">Home</a></nav></header><main><h1>Article ${n}</h1>
${paragraphs}
<ul>${links}</ul></main></body></html>`;
}

const bodies = Array.from({ length: PAGES }, (_, n) => Buffer.from(page(n)));
const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  const n = url === '/' ? 0 : /^\/p\/(\d+)$/.test(url) ? Number(url.slice(3)) : -1;
  if (n >= 0 && n < PAGES) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bodies[n].length, 'cache-control': 'max-age=60' });
    res.end(bodies[n]);
  } else if (url === '/static/site.css') {
    res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'max-age=31536000' });
    res.end('body{font:16px sans-serif}');
  } else if (url === '/static/app.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=31536000' });
    res.end('document.documentElement.classList.add("js");');
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
