import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { waitForUrl } from '../../src/wait-for-url.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function serve(handler: (count: number) => number): Promise<string> {
  let count = 0;
  const server = createServer((_req, res) => res.writeHead(handler(++count)).end());
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

test('returns once a deployment that answered 503 while starting answers 200', async () => {
  const url = await serve((n) => (n < 3 ? 503 : 200));
  const retries: string[] = [];
  await waitForUrl(url, 5_000, { intervalMs: 50, onRetry: (why) => retries.push(why) });
  expect(retries).toEqual(['HTTP 503', 'HTTP 503']);
});

test('a redirect or a 404 counts as an answer', async () => {
  await waitForUrl(await serve(() => 302), 1_000, { intervalMs: 50 });
  await waitForUrl(await serve(() => 404), 1_000, { intervalMs: 50 });
});

test('waits for a server that starts listening later', async () => {
  const port = await freePort();
  const late = createServer((_req, res) => res.writeHead(200).end());
  servers.push(late);
  setTimeout(() => late.listen(port, '127.0.0.1'), 300);
  const retries: string[] = [];
  await waitForUrl(`http://127.0.0.1:${port}/`, 5_000, { intervalMs: 100, onRetry: (why) => retries.push(why) });
  expect(retries[0]).toBe('ECONNREFUSED');
});

test('gives up after the wait with one line saying what to do', async () => {
  const url = `http://127.0.0.1:${await freePort()}/`;
  await expect(waitForUrl(url, 400, { intervalMs: 100 })).rejects.toThrow(
    `${url} did not answer within 0 s (last: ECONNREFUSED): check that the deployment is up and reachable from the runner, or raise wait-for-url.`,
  );
});
