// All HTTP of one scan goes through one Fetcher: one undici Agent (timeouts, target safety on every
// connection), one concurrency limit, redirects followed by hand so each hop is recorded and re-checked.
// fetch() never throws for what the network does; it answers a FetchedResponse or a FetchFailure.
import { setMaxListeners } from 'node:events';
import { Agent, buildConnector } from 'undici';
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { FetchFailure, FetchOutcome, HeaderMap, RedirectHop } from '../types.js';
import { ACCEPT_ENCODING, readBody } from './body.js';
import { classifyFetchError, DeadlineError } from './fetch-errors.js';
import { systemResolver, type Resolver } from './resolver.js';
import { originKey, safeConnector, safeLookup, type ConnectionInfo } from './safe-connect.js';
import { Semaphore } from './semaphore.js';
import { addressPolicy, type AddressPolicy } from './target-safety.js';
import { USER_AGENT } from './user-agent.js';

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 20_000,
  /** A whole request, redirects included: a server dripping one byte a second never trips bodyTimeout. */
  requestTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
  concurrency: 4,
} as const;

/** A redirect's own body is never used; read a little so the connection can be reused, then drop it. */
const REDIRECT_BODY_LIMIT = 64 * 1024;

export interface FetcherOptions {
  allowPrivateTargets?: boolean;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  concurrency?: number;
  userAgent?: string;
  /** Aborting it makes pending and future fetch() calls reject with its reason. */
  signal?: AbortSignal;
  /** Name resolution; defaults to the system resolver (which never looks up `.invalid`). */
  resolver?: Resolver;
  /** Which addresses may be connected to; defaults to the target-safety rule for allowPrivateTargets. */
  policy?: AddressPolicy;
  /** Negotiate HTTP/2 over TLS when the server offers it (default true, as browsers do). */
  allowH2?: boolean;
}

export interface FetchOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Cap on the decoded body; the default is the fetcher's maxBodyBytes. */
  maxBytes?: number;
  /** Default true. When false, a 3xx is the answer. */
  followRedirects?: boolean;
  maxRedirects?: number;
  timeoutMs?: number;
  /**
   * Epoch milliseconds by which the request must be over (a crawl or probe budget). Counted once a slot is
   * free, so time spent waiting for one is not lent twice; past it the request is not sent and the answer is
   * a TIMEOUT failure.
   */
  deadline?: number;
}

export function toHeaderMap(headers: IncomingHttpHeaders): HeaderMap {
  const map: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    map[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return map;
}

function first(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function parseTarget(url: string | URL, base?: URL): URL | undefined {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * undici keeps a request whose connection is still being made (a TLS handshake that never completes)
 * pending until the connect timeout, whatever its signal says: seen holding a scan with a 4 s budget for
 * 10.5 s. The request deadline and the scan's abort end the wait here; undici settles the request itself
 * later (it aborts it once connected, or fails the connect) and that outcome is dropped.
 */
function untilAborted(request: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    request.then(
      (res) => {
        signal.removeEventListener('abort', onAbort);
        // Answered after the wait was given up: nobody reads this body.
        if (signal.aborted) res.body.destroy();
        else resolve(res);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

export class Fetcher {
  readonly limit: Semaphore;
  readonly #agent: Agent;
  readonly #options: Required<Pick<FetcherOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' | 'requestTimeoutMs' | 'maxBodyBytes' | 'maxRedirects' | 'userAgent'>>;
  /** Follows the caller's signal; every waiting and running request listens to this one. */
  readonly #signal: AbortSignal;
  readonly #unlinkSignal: () => void;
  /**
   * The last connection made to each origin. undici does not tell a response which socket carried it, so
   * the address is looked up by origin; every socket was checked by the same rule when it connected.
   */
  readonly #connections = new Map<string, ConnectionInfo>();
  /** Connection attempts in progress, ended by close(). */
  readonly #connecting = new Set<Socket>();

  constructor(options: FetcherOptions = {}) {
    this.#options = {
      connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
      headersTimeoutMs: options.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
      bodyTimeoutMs: options.bodyTimeoutMs ?? FETCH_DEFAULTS.bodyTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs ?? FETCH_DEFAULTS.requestTimeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? FETCH_DEFAULTS.maxBodyBytes,
      maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      userAgent: options.userAgent ?? USER_AGENT,
    };
    const controller = new AbortController();
    // One listener per request in flight or waiting for a slot: dozens in a scan are expected, not a leak.
    setMaxListeners(0, controller.signal);
    this.#signal = controller.signal;
    const outer = options.signal;
    const follow = (): void => controller.abort(outer!.reason);
    if (outer?.aborted) follow();
    else outer?.addEventListener('abort', follow, { once: true });
    this.#unlinkSignal = () => outer?.removeEventListener('abort', follow);
    const concurrency = options.concurrency ?? FETCH_DEFAULTS.concurrency;
    this.limit = new Semaphore(concurrency);
    const policy = options.policy ?? addressPolicy(options.allowPrivateTargets ?? false);
    const allowH2 = options.allowH2 ?? true;
    const base = buildConnector({
      timeout: this.#options.connectTimeoutMs,
      lookup: safeLookup(options.resolver ?? systemResolver, policy),
      // Pages are fetched whatever the certificate: an untrusted site is still scanned, and its
      // certificate is judged from the TLS probe (tls-probe.ts) instead.
      rejectUnauthorized: false,
      allowH2,
    });
    this.#agent = new Agent({
      connect: safeConnector(base, policy, (key, info) => this.#connections.set(key, info), this.#connecting),
      connections: concurrency,
      allowH2,
      headersTimeout: this.#options.headersTimeoutMs,
      bodyTimeout: this.#options.bodyTimeoutMs,
    });
  }

  /**
   * Fetches `url`, following redirects unless told not to. Resolves with the response or a FetchFailure;
   * rejects only when the fetcher's signal aborts.
   */
  async fetch(url: string | URL, options: FetchOptions = {}): Promise<FetchOutcome> {
    const requestedUrl = String(url);
    const target = parseTarget(url);
    if (!target) return { requestedUrl, error: 'INVALID_URL', message: `Invalid URL '${requestedUrl}': expected an absolute http(s) URL` };
    const release = await this.limit.acquire(this.#signal);
    try {
      let ms = options.timeoutMs ?? this.#options.requestTimeoutMs;
      if (options.deadline !== undefined) {
        const left = options.deadline - Date.now();
        if (left <= 0) return { requestedUrl, error: 'TIMEOUT', message: `Timed out: the budget ran out before ${requestedUrl} was requested` };
        ms = Math.min(ms, left);
      }
      return await this.#withDeadline(ms, (signal) => this.#follow(requestedUrl, target, options, signal));
    } finally {
      release();
    }
  }

  /** Closes every connection; pending requests fail. */
  async close(): Promise<void> {
    this.#unlinkSignal();
    // The agent first: a client already destroyed does not try the connection again when it fails. Then the
    // attempts, with an error, so that undici's connect callback runs and clears its connect timer.
    const destroyed = this.#agent.destroy();
    for (const socket of this.#connecting) socket.destroy(new Error('The scan ended while this connection was being made.'));
    this.#connecting.clear();
    await destroyed;
  }

  async #withDeadline<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DeadlineError(ms)), ms);
    const outer = this.#signal;
    const onOuterAbort = (): void => controller.abort(outer.reason);
    if (outer.aborted) onOuterAbort();
    else outer.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await run(controller.signal);
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuterAbort);
    }
  }

  async #follow(requestedUrl: string, start: URL, options: FetchOptions, signal: AbortSignal): Promise<FetchOutcome> {
    const maxRedirects = options.maxRedirects ?? this.#options.maxRedirects;
    const follow = options.followRedirects ?? true;
    const cap = options.maxBytes ?? this.#options.maxBodyBytes;
    const redirects: RedirectHop[] = [];
    const seen = new Set<string>();
    let method = (options.method ?? 'GET').toUpperCase();
    let current = start;
    for (;;) {
      seen.add(current.href);
      const fail = (err: unknown): FetchFailure => {
        if (this.#signal.aborted) throw this.#signal.reason;
        const { code, message } = classifyFetchError(err, { url: current, ...this.#options });
        return { requestedUrl, error: code, message };
      };
      const sentAt = performance.now();
      let res;
      try {
        res = await untilAborted(
          this.#agent.request({
            origin: current.origin,
            path: `${current.pathname}${current.search}`,
            method: method as 'GET',
            headers: this.#headers(options.headers),
            signal,
          }),
          signal,
        );
      } catch (err) {
        return fail(err);
      }
      const headersAt = performance.now();
      const info = this.#connections.get(originKey(current.protocol, current.hostname, current.port));
      const headers = toHeaderMap(res.headers);
      const location = first(res.headers, 'location');
      const next = follow && isRedirect(res.statusCode) && location !== undefined ? parseTarget(location, current) : undefined;
      // A Location that is not an http(s) URL cannot be followed: the 3xx itself is the answer.
      if (next) {
        try {
          await res.body.dump({ limit: REDIRECT_BODY_LIMIT });
        } catch {
          // The redirect's body does not matter; its headers were read.
        }
        redirects.push({ url: current.href, status: res.statusCode, location: location ?? '', headers, remoteAddress: info?.remoteAddress ?? '' });
        if (seen.has(next.href)) {
          return { requestedUrl, error: 'TOO_MANY_REDIRECTS', message: `Redirect loop: ${[...redirects.map((r) => r.url), next.href].join(' → ')}` };
        }
        if (redirects.length > maxRedirects) {
          return { requestedUrl, error: 'TOO_MANY_REDIRECTS', message: `More than ${maxRedirects} redirects starting at ${requestedUrl}` };
        }
        // 303 always, and 301/302 after a POST in practice (RFC 9110 §15.4), continue as GET.
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) method = method === 'HEAD' ? 'HEAD' : 'GET';
        current = next;
        continue;
      }
      try {
        const read = await readBody(res.body, first(res.headers, 'content-encoding'), cap);
        const doneAt = performance.now();
        return {
          requestedUrl,
          url: current.href,
          status: res.statusCode,
          headers,
          body: read.body,
          truncated: read.truncated,
          transferBytes: read.transferBytes,
          redirects,
          remoteAddress: info?.remoteAddress ?? '',
          // Written as node:http writes it (IncomingMessage.httpVersion).
          httpVersion: info?.alpn === 'h2' ? '2.0' : '1.1',
          timings: { ttfbMs: Math.round(headersAt - sentAt), totalMs: Math.round(doneAt - sentAt) },
        };
      } catch (err) {
        return fail(err);
      }
    }
  }

  #headers(extra: Record<string, string> | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.#options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': ACCEPT_ENCODING,
      'accept-language': 'en',
    };
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }
}
