// The hosted service's own JavaScript example, run as published against the runner: only BASE and
// API_KEY change. A client written for the hosted service works by changing the base URL alone.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestServer } from '../../support/server.js';
import { startServer } from '../../support/server.js';

/** Verbatim from https://issafesite.com/api/v1 documentation ("JavaScript" tab). */
const SEED_EXAMPLE = `const API_KEY = "your_api_key";
const BASE = "https://issafesite.com/api/v1";
// Create a scan
const res = await fetch(BASE + "/scan", {
method: "POST",
headers: {
"Authorization": \`Bearer \${API_KEY}\`,
"Content-Type": "application/json",
},
body: JSON.stringify({ url: "https://example.com" }),
});
const scan = await res.json();
console.log(scan.id, scan.status);`;

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => server.close());

it("runs the seed's fetch example unchanged but for BASE and API_KEY", async () => {
  const { key, account } = await server.key('acme', 'FREE');
  const script = SEED_EXAMPLE.replace('"your_api_key"', JSON.stringify(key)).replace('"https://issafesite.com/api/v1"', JSON.stringify(`${server.base}/api/v1`));
  expect(script.split('\n').filter((line, i) => line !== SEED_EXAMPLE.split('\n')[i])).toHaveLength(2);
  const file = path.join(server.temp.dir, 'example.mjs');
  writeFileSync(file, script);
  const { stdout } = await promisify(execFile)(process.execPath, [file]);
  const [id, status] = stdout.trim().split(' ');
  expect(id).toMatch(/^c[a-z0-9]{24}$/);
  expect(status).toBe('PENDING');
  expect(await server.temp.store.getScan(account.id, id ?? '')).toMatchObject({ url: 'https://example.com', depth: 'STANDARD', status: 'PENDING' });
});
