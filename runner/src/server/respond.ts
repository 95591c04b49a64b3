// Every JSON answer passes through its contract schema on the way out, so the wire cannot drift from it.
import type { Response } from 'express';
import type { ZodType } from 'zod';

/**
 * Bodies already checked and serialized, by identity: a ReadCache hands out the same object while nothing
 * changes, and checking and serializing a page of 50 scans again each time would cost more than reading it.
 */
const serialized = new WeakMap<object, string>();

export function send<T>(res: Response, status: number, schema: ZodType<T>, body: T): void {
  const key = typeof body === 'object' && body !== null ? body : undefined;
  let json = key === undefined ? undefined : serialized.get(key);
  if (json === undefined) {
    json = JSON.stringify(schema.parse(body));
    if (key !== undefined) serialized.set(key, json);
  }
  res.status(status).type('application/json; charset=utf-8').send(json);
}
