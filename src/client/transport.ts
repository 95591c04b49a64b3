// One request to the API, done well: the bearer key, pacing under the plan's rate, retries of network errors
// and 5xx with backoff, 429 Retry-After honoured, the answer checked against the contract, and every failure
// turned into one actionable line (errors.ts). Nothing here logs a header.
import { Agent, EnvHttpProxyAgent, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { ErrorBody } from '../contract/api.js';
import type { ApiLocation } from './api-url.js';
import { backoffMs } from './backoff.js';
import type { RetryPolicy } from './backoff.js';
import type { Clock } from './clock.js';
import {
  ApiError,
  DeadlineError,
  keyRejected,
  quotaSpent,
  rateLimited,
  requestRefused,
  serverError,
  unexpectedAnswer,
  unreachable,
} from './errors.js';
import { Pacer, rateHeaders, retryAfterMs } from './pacer.js';

export interface TransportOptions {
  location: ApiLocation;
  apiKey: string;
  userAgent: string;
  clock: Clock;
  /** Jitter source, [0, 1). */
  random: () => number;
  retry: RetryPolicy;
  /** Progress for the job log: waits and retries. */
  log: (line: string) => void;
  /** Honour HTTP(S)_PROXY and NO_PROXY, as self-hosted Actions runners behind a proxy need. */
  proxyFromEnv: boolean;
}

export interface Call {
  method: 'GET' | 'POST';
  url: URL;
  /** What the request is for, in messages: "POST /api/v1/scan". */
  what: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Epoch ms: no wait may end after it (DeadlineError, or the error that made the wait). */
  deadline?: number;
  /** The request spends the plan's monthly scans (POST /api/v1/scan): a 429 may mean the quota. */
  charged?: boolean;
}

/** A 429 that keeps coming after this many waits is not a burst: other clients share the key. */
const MAX_RATE_WAITS = 5;
/** A per-minute limit never asks for longer; a longer Retry-After on a charged request is the monthly quota. */
const RATE_WINDOW_MS = 60_000;

// The errors that can pass: the API restarting, a proxy dropping an idle connection, a slow answer. A host that
// does not resolve or a certificate that does not verify will not fix itself in thirty seconds.
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export class Transport {
  private readonly pacer: Pacer;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly o: TransportOptions) {
    this.pacer = new Pacer(o.clock);
    // A scan's answers are small and quick; the PDF may be a few MB.
    const timeouts = { connectTimeout: 10_000, headersTimeout: 30_000, bodyTimeout: 60_000 };
    this.dispatcher = o.proxyFromEnv ? new EnvHttpProxyAgent(timeouts) : new Agent(timeouts);
  }

  /** The answer's JSON, checked against `schema`. */
  async json<S extends z.ZodType>(call: Call, schema: S): Promise<z.output<S>> {
    return this.send(call, async (res) => {
      const text = await res.body.text();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw unexpectedAnswer(this.o.location.host, call.what, `something that is not JSON (HTTP ${res.statusCode}, ${res.headers['content-type'] ?? 'no content type'})`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
        throw unexpectedAnswer(this.o.location.host, call.what, `a body the API contract does not allow (${issue?.message ?? 'invalid'}${where})`);
      }
      return parsed.data;
    });
  }

  /** The answer's bytes and content type. */
  async bytes(call: Call): Promise<{ body: Uint8Array; contentType: string | undefined }> {
    return this.send(call, async (res) => {
      const type = res.headers['content-type'];
      return { body: new Uint8Array(await res.body.arrayBuffer()), contentType: Array.isArray(type) ? type[0] : type };
    });
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async send<R>(call: Call, read: (res: Dispatcher.ResponseData) => Promise<R>): Promise<R> {
    const { host } = this.o.location;
    let failures = 0;
    let rateWaits = 0;
    for (;;) {
      await this.pause(this.pacer.waitMs(), call, () => new DeadlineError('pacing'));
      this.pacer.sending();

      let res: Dispatcher.ResponseData;
      try {
        res = await request(call.url, {
          method: call.method,
          dispatcher: this.dispatcher,
          headers: this.headers(call),
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
        });
      } catch (error) {
        failures++;
        const reason = networkReason(error);
        const failure = unreachable(host, reason, failures);
        if (!TRANSIENT.has(reason) || failures >= this.o.retry.attempts) throw failure;
        await this.retryAfterFailure(failures, call, `${call.what}: ${reason}`, failure);
        continue;
      }

      const now = this.o.clock.now();
      const header = (name: string) => first(res.headers[name]);
      const rate = rateHeaders(header, now);
      this.pacer.observe(rate);

      if (res.statusCode >= 200 && res.statusCode < 300) {
        try {
          return await read(res);
        } catch (error) {
          if (error instanceof ApiError) throw error;
          // The connection broke while the body came: the same as failing to connect.
          failures++;
          const reason = networkReason(error);
          const failure = unreachable(host, reason, failures);
          if (!TRANSIENT.has(reason) || failures >= this.o.retry.attempts) throw failure;
          await this.retryAfterFailure(failures, call, `${call.what}: ${reason} while reading the answer`, failure);
          continue;
        }
      }

      const said = errorSentence(await res.body.text().catch(() => ''));
      const retryAfter = retryAfterMs(header('retry-after'), now);

      if (res.statusCode >= 500) {
        failures++;
        const failure = serverError(host, res.statusCode, failures, said);
        if (failures >= this.o.retry.attempts) throw failure;
        await this.retryAfterFailure(failures, call, `${call.what}: HTTP ${res.statusCode}${said ? ` (${said})` : ''}`, failure, retryAfter);
        continue;
      }

      if (res.statusCode === 429) {
        const wait = retryAfter ?? rate.resetMs;
        // The monthly quota answers 429 too. The per-minute limit never asks to wait past its minute, and it
        // leaves nothing remaining; a charged request refused with requests to spare hit the quota.
        const quota = call.charged === true && ((wait !== undefined && wait > RATE_WINDOW_MS) || (rate.remaining !== undefined && rate.remaining > 0));
        if (quota) {
          if (said) this.o.log(`The API said: ${said}`);
          throw quotaSpent(wait === undefined ? undefined : new Date(now + wait));
        }
        rateWaits++;
        const waitMs = wait ?? RATE_WINDOW_MS;
        if (rateWaits > MAX_RATE_WAITS) {
          throw new ApiError(`API rate limit reached (429) ${MAX_RATE_WAITS} times in a row: other clients share this API key; give this job a key of its own.`, 429);
        }
        if (call.deadline !== undefined && now + waitMs > call.deadline) throw rateLimited(waitMs);
        this.pacer.block(waitMs);
        this.o.log(`Rate limited (429) on ${call.what}: waiting ${Math.ceil(waitMs / 1000)} s as the API asks.`);
        continue;
      }

      if (res.statusCode === 401 || res.statusCode === 403) {
        if (said) this.o.log(`The API said: ${said}`);
        throw keyRejected(res.statusCode);
      }
      throw requestRefused(host, res.statusCode, call.what, said);
    }
  }

  private headers(call: Call): Record<string, string> {
    return {
      authorization: `Bearer ${this.o.apiKey}`,
      accept: call.method === 'GET' && call.url.pathname.endsWith('/pdf') ? 'application/pdf' : 'application/json',
      'user-agent': this.o.userAgent,
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...call.headers,
    };
  }

  /** Waits before retry number `failures`; a wait that would pass the deadline throws `failure` instead. */
  private async retryAfterFailure(failures: number, call: Call, why: string, failure: Error, retryAfter?: number): Promise<void> {
    const ms = Math.max(backoffMs(failures - 1, this.o.retry, this.o.random), retryAfter ?? 0);
    this.o.log(`${why}; retrying in ${(ms / 1000).toFixed(1)} s (try ${failures + 1} of ${this.o.retry.attempts}).`);
    await this.pause(ms, call, () => failure);
  }

  private async pause(ms: number, call: Call, pastDeadline: () => Error): Promise<void> {
    if (ms <= 0) return;
    if (call.deadline !== undefined && this.o.clock.now() + ms > call.deadline) throw pastDeadline();
    await this.o.clock.sleep(ms);
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The API's `{"error": "…"}` sentence, or undefined when the body is something else. */
function errorSentence(text: string): string | undefined {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.replace(/\s+/g, ' ').trim().slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/** The code of a network error (ECONNREFUSED, UND_ERR_SOCKET…), looking through undici's wrapping. */
export function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}
