// Every request gets an id (the caller's X-Request-Id when it sends a usable one, a new UUID otherwise),
// echoed in the answer's X-Request-Id and carried by every log line about it; when the answer is sent,
// one log line and the request metrics record it.
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/**
 * Ids from proxies and tracing systems (UUIDs, AWS "Root=1-…", W3C trace ids) are printable ASCII; anything
 * else, or longer than 128 characters, is replaced rather than written into the log.
 */
const USABLE_ID = /^[\x21-\x7e]{1,128}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

export function requestContext(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const offered = req.get(REQUEST_ID_HEADER);
    const requestId = offered !== undefined && USABLE_ID.test(offered) ? offered : randomUUID();
    res.locals.requestId = requestId;
    res.set(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the path: ids in labels would grow the series without bound.
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      metrics.request(req.method, route, res.statusCode, seconds);
      // The path without its query string, and no headers: nothing a client sends as a secret is written.
      logger.info({ reqId: requestId, method: req.method, path: req.path, route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 }, 'request');
    });
    next();
  };
}
