// Every JSON answer passes through its contract schema on the way out, so the wire cannot drift from it.
import type { Response } from 'express';
import type { ZodType } from 'zod';

export function send<T>(res: Response, status: number, schema: ZodType<T>, body: T): void {
  res.status(status).json(schema.parse(body));
}
