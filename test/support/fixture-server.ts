// Fixture sites on 127.0.0.1 (or ::1), port 0, for tests that need a real server.
//
//   const site = await startServer({
//     '/': '<!doctype html><title>Home</title>',                      // a string is an HTML page (200)
//     '/old': { status: 301, headers: { location: '/' } },            // status, headers, body
//     '/api': (req, res) => res.end(JSON.stringify({ ok: true })),    // any node:http handler
//   });
//   site.url        // 'http://127.0.0.1:PORT/'
//   site.requests   // what the server was asked, in order
//   await site.close();
//
// HTTPS: startServer(routes, { tls: await issueCert(ca) }) (see certs.ts); add `legacyTls: true` for a
// server that still accepts TLS 1.0 and 1.1, `http2: true` to offer h2 through ALPN (HTTP/1.1 still works).
// startRawServer(onSocket) gives a bare TCP server for servers that misbehave below HTTP (silence, garbage);
// closedPort() a port nobody listens on.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, { type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import https from 'node:https';
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import type { Pem } from './certs.js';

/**
 * A node:http handler. Under `http2: true`, h2 requests arrive as node:http2's compatibility objects, which
 * share the parts tests use (url, headers, writeHead, write, end, socket).
 */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RouteResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

/** A string is an HTML page; an object is a canned response; a function handles the request itself. */
export type Route = string | RouteResponse | Handler;

/** Keyed by path, with or without its query string ('/a?b=1' is tried before '/a'). Unknown paths answer 404. */
export type Routes = Record<string, Route>;

export interface ServerOptions {
  /** Serve HTTPS with this certificate. */
  tls?: Pem;
  /** Accept TLS 1.0 and 1.1 (OpenSSL 3 needs SECLEVEL=0 for them); needs `tls`. */
  legacyTls?: boolean;
  /** Offer HTTP/2 through ALPN, HTTP/1.1 still allowed; needs `tls`. */
  http2?: boolean;
  /** Default 127.0.0.1. */
  host?: '127.0.0.1' | '::1';
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Fixture {
  /** Origin plus '/', e.g. http://127.0.0.1:PORT/ */
  url: string;
  origin: string;
  host: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

function answer(route: RouteResponse, res: ServerResponse): void {
  const body = route.body ?? '';
  const headers: Record<string, string | string[]> = { 'content-length': String(Buffer.byteLength(body)), ...(route.headers ?? {}) };
  res.writeHead(route.status ?? 200, headers);
  res.end(body);
}

export function routeHandler(routes: Routes): Handler {
  return (req, res) => {
    const url = req.url ?? '/';
    const route = routes[url] ?? routes[url.split('?')[0]!];
    if (route === undefined) return answer({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }, res);
    if (typeof route === 'function') return route(req, res);
    if (typeof route === 'string') return answer({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: route }, res);
    return answer(route, res);
  };
}

/** Listens on port 0 and destroys open connections on close (keep-alive would hold close() forever). */
async function listen(server: Server, host: string, secure: boolean): Promise<Omit<Fixture, 'requests'>> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/`,
    origin,
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Starts an HTTP or HTTPS server from a route table or a handler. */
export async function startServer(routes: Routes | Handler, options: ServerOptions = {}): Promise<Fixture> {
  const handle = typeof routes === 'function' ? routes : routeHandler(routes);
  const requests: SeenRequest[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers } });
    Promise.resolve(handle(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  if (options.tls) {
    const tlsOptions = {
      cert: options.tls.cert,
      key: options.tls.key,
      ...(options.legacyTls ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    };
    server = options.http2
      ? (http2.createSecureServer({ ...tlsOptions, allowHTTP1: true }, onRequest as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void) as unknown as Server)
      : https.createServer(tlsOptions, onRequest);
  } else {
    server = http.createServer(onRequest);
  }
  const fixture = await listen(server, host, options.tls !== undefined);
  return { ...fixture, requests };
}

/** A bare TCP server: `onSocket` decides what (if anything) to say. */
export async function startRawServer(onSocket: (socket: Socket) => void, host: '127.0.0.1' | '::1' = '127.0.0.1'): Promise<Fixture> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  const fixture = await listen(server, host, false);
  return { ...fixture, requests: [] };
}

/** A port on 127.0.0.1 that nothing listens on (taken from the OS, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
