import type { FetchErrorCode } from './types.js';

/** The target could not be scanned at all (no page to judge). The message is shown to users as is. */
export class ScanError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}
