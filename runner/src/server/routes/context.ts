import type { Response } from 'express';
import type { ServiceContext } from '../services/context.js';

/** Builds the service context of an authenticated request. */
export type ContextOf = (res: Response) => ServiceContext;
