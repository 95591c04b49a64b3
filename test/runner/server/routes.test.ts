// Probes, the OpenAPI document, unknown routes, wrong methods and the 500 that tells nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { Health, Ready } from '../../../src/contract/api.js';
import type { TestServer } from '../../support/server.js';
import { call, expectError, expectShape, startServer } from '../../support/server.js';

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('routes', () => {
  it('answers /healthz always and /readyz when the database answers and the worker runs', async () => {
    let running = true;
    server = await startServer({ workerRunning: () => running });
    expectShape(await call(server.base, 'GET', '/healthz'), 200, Health);
    expect(expectShape(await call(server.base, 'GET', '/readyz'), 200, Ready)).toEqual({ status: 'ready', database: 'ok', worker: 'running' });
    running = false;
    expect(expectError(await call(server.base, 'GET', '/readyz'), 503)).toBe('Not ready: the scan worker is not running.');
    running = true;
    await server.temp.store.close();
    expect(expectError(await call(server.base, 'GET', '/readyz'), 503)).toBe('Not ready: the database does not answer.');
  });

  it('serves the OpenAPI 3.1 document without a key', async () => {
    server = await startServer();
    const answer = await call(server.base, 'GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/' }], info: { title: 'IsSafeSite API' } });
    expect(Object.keys((answer.body as { paths: object }).paths)).toContain('/api/v1/scan/{id}');
  });

  it('serves Prometheus metrics: requests by route pattern, scans by status, queue depth', async () => {
    server = await startServer();
    const { key } = await server.key('acme', 'ENTERPRISE');
    await call(server.base, 'POST', '/api/v1/scan', { key, body: { url: 'https://example.com' } });
    await call(server.base, 'GET', '/api/v1/scan/cabc', { key });
    await call(server.base, 'GET', '/nowhere');
    const res = await fetch(`${server.base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('issafesite_http_requests_total{method="POST",route="/api/v1/scan",status="202"} 1');
    expect(text).toContain('issafesite_http_requests_total{method="GET",route="/api/v1/scan/:id",status="404"} 1');
    expect(text).toContain('issafesite_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain('issafesite_scans{status="PENDING"} 1');
    expect(text).toContain('issafesite_scans{status="COMPLETED"} 0');
    expect(text).toContain('issafesite_queue_depth 1');
    expect(text).toContain('# TYPE issafesite_scan_duration_seconds histogram');
  });

  it('answers 404 with a sentence to an unknown route, with or without a key', async () => {
    server = await startServer();
    expect(expectError(await call(server.base, 'GET', '/api/v1/scans'), 404)).toBe('No endpoint GET /api/v1/scans: the API is described at /api/v1/openapi.json.');
    expect(expectError(await call(server.base, 'POST', '/nothing', { body: {} }), 404)).toContain('No endpoint POST /nothing');
  });

  it.each([
    ['DELETE', '/api/v1/scan', 'GET, HEAD, POST'],
    ['PUT', '/api/v1/scan/cabc', 'GET, HEAD'],
    ['DELETE', '/api/v1/report', 'GET, HEAD, POST'],
    ['DELETE', '/api/report/rpt_x/pdf', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['PATCH', '/api/v1/openapi.json', 'GET, HEAD'],
  ])('answers 405 with Allow to %s %s', async (method, path, allow) => {
    server = await startServer();
    const answer = await call(server.base, method, path);
    expect(expectError(answer, 405)).toBe(`${method} is not allowed on ${path}; it accepts ${allow}.`);
    expect(answer.headers.get('allow')).toBe(allow);
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    server = await startServer();
    const answer = await call(server.base, 'OPTIONS', '/api/v1/scan');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('answers HEAD like GET, without a body', async () => {
    server = await startServer();
    const { key } = await server.key('acme');
    const answer = await call(server.base, 'HEAD', '/api/v1/scan', { key });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('answers 500 without a stack trace or internal message when the store fails', async () => {
    const logged: unknown[] = [];
    const failing = await startServer({ logger: { info() {}, warn() {}, debug() {}, error: (fields) => logged.push(fields) } });
    server = failing;
    const { key } = await failing.key('acme');
    failing.temp.store.listScans = async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/secret.db');
    };
    const answer = await call(failing.base, 'GET', '/api/v1/scan', { key });
    expect(expectError(answer, 500)).toBe('Internal server error: the runner could not answer this request. Its log has the detail.');
    expect(answer.text).not.toMatch(/SQLITE|secret|at .*\.ts/);
    expect(JSON.stringify(logged)).toContain('SQLITE_CORRUPT');
  });
});
