// JSON request bodies: at most 64 KB (413), JSON only (415), well-formed (400).
import express from 'express';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

const hasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');

const requireJson: RequestHandler = (req, _res, next) => {
  // An empty body is left to the schema, which says what the body should hold.
  if (hasBody(req.headers) && req.is(['application/json', 'application/*+json']) === false) {
    const type = req.get('content-type');
    throw new HttpError(415, `The request body must be JSON, sent with "Content-Type: application/json" (got ${type === undefined ? 'no Content-Type' : `"${type}"`}).`);
  }
  next();
};

export const jsonBody: RequestHandler[] = [requireJson, express.json({ limit: MAX_BODY_BYTES, strict: true, type: () => true })];
