// A scriptable stand-in for the API on 127.0.0.1: each request is recorded (with the virtual time it arrived)
// and answered by the test's handler, which may also hang up without answering.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../../src/client/clock.js';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** On the test's clock. */
  at: number;
}

export type Reply = { status: number; headers?: Record<string, string>; json?: unknown; body?: string | Buffer } | 'hang-up';

export interface FakeApi {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** origin + /api/v1 */
  apiUrl: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeApi(handler: (req: FakeRequest, index: number) => Reply | Promise<Reply>, clock: Clock = { now: Date.now, sleep: async () => undefined }): Promise<FakeApi> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const recorded: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, at: clock.now() };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, requests.length - 1)).then((reply) => {
        if (reply === 'hang-up') {
          req.socket.destroy();
          return;
        }
        const payload = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
        const type = reply.json !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {};
        res.writeHead(reply.status, { ...type, ...reply.headers });
        res.end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    apiUrl: `${origin}/api/v1`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port that refuses connections: listened on, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
