// Local sites for the queue bench: plain HTTP on 127.0.0.1, each answering a page of about 20 KB with a
// stylesheet, a script and an image, robots.txt and sitemap.xml, after `latencyMs` (a nearby server).
import http from 'node:http';

function page(origin, n) {
  const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of site ${n}: <a href="/p/${i}">more about topic ${i}</a>, with enough words to weigh like a real page of text.</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fixture site ${n}</title><meta name="description" content="A local site for the queue benchmark.">
<link rel="canonical" href="${origin}/"><link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script>
</head><body><h1>Fixture site ${n}</h1>${paragraphs}<img src="/logo.png" alt="logo" width="32" height="32"></body></html>`;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export async function startSites(count, latencyMs) {
  const servers = [];
  for (let n = 0; n < count; n++) {
    let origin = '';
    const server = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const answer = () => {
        if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(page(origin, n));
        else if (path === '/style.css') res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'max-age=86400' }).end('body{font:16px/1.5 sans-serif}'.repeat(40));
        else if (path === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=86400' }).end('console.log("ok");'.repeat(100));
        else if (path === '/logo.png') res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' }).end(PNG);
        else if (path === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`);
        else if (path === '/sitemap.xml') res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/</loc></url></urlset>`);
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      };
      setTimeout(answer, latencyMs);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    servers.push({ server, url: `${origin}/` });
  }
  return {
    urls: servers.map((s) => s.url),
    close: () => Promise.all(servers.map(({ server }) => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))))),
  };
}
