// The one error handler: every error leaves as {"error": "<sentence>"} with its status. A 500 says
// nothing about the inside; the detail goes to the log.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { firstIssue } from '../../../src/contract/api.js';
import type { Logger } from '../logger.js';
import { MAX_BODY_BYTES } from './body.js';
import { StoreUnavailableError } from '../store/errors.js';
import { HttpError, notFound } from './errors.js';
import { requestIdOf } from './request-context.js';

/** body-parser's errors carry a `type`; these are the ones a client can cause. */
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`],
  'entity.parse.failed': [400, 'The request body is not valid JSON.'],
  'charset.unsupported': [415, 'The request body must be JSON encoded as UTF-8.'],
  'encoding.unsupported': [415, 'The request body uses a Content-Encoding the API does not accept; send it uncompressed.'],
  'request.aborted': [400, 'The request body was cut off before its end.'],
  'request.size.invalid': [400, 'The request body is shorter or longer than its Content-Length says.'],
};

/** Clients may retry a write refused by a store fault after this many seconds. */
export const STORE_RETRY_AFTER_SECONDS = 5;

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreUnavailableError) return new HttpError(503, error.message, { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) });
  if (error instanceof ZodError) return new HttpError(400, firstIssue(error));
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && type in BODY_ERRORS) {
    const [status, message] = BODY_ERRORS[type] as [number, string];
    return new HttpError(status, message);
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return new HttpError(status, 'The request could not be understood.');
  return new HttpError(500, 'Internal server error: the runner could not answer this request. Its log has the detail.');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const http = toHttpError(error);
    const reqId = requestIdOf(res);
    if (error instanceof StoreUnavailableError) {
      logger.warn({ reqId, method: req.method, path: req.path, fault: error.kind, detail: error.detail }, 'Request refused: the database cannot be written');
    } else if (http.status >= 500) {
      logger.error({ reqId, err: error instanceof Error ? (error.stack ?? error.message) : String(error), method: req.method, path: req.path }, 'Request failed');
    }
    res.status(http.status).set(http.headers).json({ error: http.message });
  };
}

export const unknownRoute: RequestHandler = (req) => {
  throw notFound(`No endpoint ${req.method} ${req.path}: the API is described at /api/v1/openapi.json.`);
};

/** For a known path asked with the wrong method: 405 with Allow (OPTIONS answers 204 with Allow). */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      res.set('Allow', allow).status(204).end();
      return;
    }
    throw new HttpError(405, `${req.method} is not allowed on ${req.path}; it accepts ${allow}.`, { Allow: allow });
  };
}
