// The API over real HTTP on 127.0.0.1, port 0, with a real SQLite file: the helpers the server tests share.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZodType } from 'zod';
import { ErrorBody } from '../../src/contract/api.js';
import { issueApiKey } from '../../runner/src/auth/api-keys.js';
import type { Plan } from '../../runner/src/plans.js';
import type { AppDeps } from '../../runner/src/server/app.js';
import { createApp } from '../../runner/src/server/app.js';
import type { Account } from '../../runner/src/store/store.js';
import type { TempStore } from './store.js';
import { tempStore } from './store.js';

export interface TestServer {
  base: string;
  temp: TempStore;
  /** A new key for an account (created with the plan when new). */
  key(account: string, plan?: Plan, expiresAt?: number | null): Promise<{ key: string; account: Account }>;
  close(): Promise<void>;
}

export async function startServer(deps: Partial<AppDeps> = {}): Promise<TestServer> {
  const temp = await tempStore();
  const app = createApp({ store: temp.store, workerRunning: () => true, ...deps });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    temp,
    async key(account, plan, expiresAt) {
      const issued = await issueApiKey(temp.store, { accountName: account, plan, expiresAt, now: Date.now() });
      return { key: issued.key, account: issued.account };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await temp.cleanup();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.key === undefined ? {} : { Authorization: `Bearer ${options.key}` }) };
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers: { ...headers, ...options.headers }, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Checks the answer's status, then every field of its body against the contract schema. */
export function expectShape<T>(answer: Answer, status: number, schema: ZodType<T>): T {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  if (!(answer.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`not JSON: ${answer.headers.get('content-type')}`);
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new Error(`body does not match the contract: ${parsed.error.message}\n${answer.text}`);
  // No field beyond the contract's.
  const strict = JSON.stringify(parsed.data);
  if (strict !== JSON.stringify(answer.body)) throw new Error(`body has fields the contract does not name:\n${answer.text}\n${strict}`);
  return parsed.data;
}

/** An {error} answer with its status; returns the sentence. */
export function expectError(answer: Answer, status: number): string {
  const { error } = expectShape(answer, status, ErrorBody);
  // One sentence: it ends with a full stop.
  if (!/^\S.*\.$/s.test(error)) throw new Error(`not a sentence: ${error}`);
  return error;
}
