// Turning what node:net, node:tls and undici throw into a FetchFailure a user can act on.
import type { FetchErrorCode } from '../types.js';
import { BlockedAddressError } from './target-safety.js';

/** The whole-request deadline passed (a server that drips bytes must not hold a scan forever). */
export class DeadlineError extends Error {
  readonly code = 'ERR_REQUEST_DEADLINE';
  constructor(readonly ms: number) {
    super(`request did not complete within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** A response body that claims an encoding it does not have. */
export class DecodeError extends Error {
  readonly code = 'ERR_CONTENT_DECODING';
  constructor(encoding: string, cause: unknown) {
    super(`the ${encoding} body could not be decoded`, { cause });
    this.name = 'DecodeError';
  }
}

interface Classified {
  code: FetchErrorCode;
  message: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ERR_REQUEST_DEADLINE']);

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The innermost error that explains: undici and net wrap (cause) or aggregate (autoSelectFamily) errors. */
function root(err: unknown): Error & { code?: string; library?: string } {
  type Wrapped = Error & { code?: string; cause?: unknown; errors?: unknown[] };
  let e = err as Wrapped;
  for (let i = 0; i < 5; i++) {
    if (Array.isArray(e?.errors) && e.errors.length > 0) e = e.errors[0] as Wrapped;
    else if (e?.code === undefined && e?.cause instanceof Error) e = e.cause as typeof e;
    else break;
  }
  return e instanceof Error ? e : new Error(String(e));
}

export interface ErrorContext {
  url: URL;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

export function classifyFetchError(err: unknown, ctx: ErrorContext): Classified {
  const e = root(err);
  const host = ctx.url.hostname;
  const where = ctx.url.host;
  if (e instanceof BlockedAddressError) return { code: 'BLOCKED_ADDRESS', message: e.message };
  if (e instanceof DecodeError) return { code: 'NETWORK', message: `Response from ${ctx.url.href} is broken: ${e.message}` };
  const code = e.code ?? '';
  if (DNS_CODES.has(code)) return { code: 'DNS', message: `DNS lookup failed for ${host}` };
  if (code === 'ECONNREFUSED') return { code: 'REFUSED', message: `Connection refused by ${where}` };
  if (TIMEOUT_CODES.has(code)) {
    const what =
      code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT'
        ? `no connection to ${where} within ${seconds(ctx.connectTimeoutMs)}`
        : code === 'UND_ERR_HEADERS_TIMEOUT'
          ? `no response from ${where} within ${seconds(ctx.headersTimeoutMs)}`
          : code === 'UND_ERR_BODY_TIMEOUT'
            ? `the body from ${where} stalled for ${seconds(ctx.bodyTimeoutMs)}`
            : `${ctx.url.href} did not complete within ${seconds((e as DeadlineError).ms)}`;
    return { code: 'TIMEOUT', message: `Timed out: ${what}` };
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || e.library === 'SSL routines' || /TLS|SSL/.test(e.message)) {
    return { code: 'TLS', message: `TLS handshake with ${where} failed: ${e.message}` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { code: 'NETWORK', message: `${where} is unreachable (${code})` };
  return { code: 'NETWORK', message: `Request to ${ctx.url.href} failed: ${e.message}${code && !e.message.includes(code) ? ` (${code})` : ''}` };
}
