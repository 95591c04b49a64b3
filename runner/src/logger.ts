// The runner's log: JSON lines (pino) on stdout, one object per event.
import { pino } from 'pino';

/** The part of pino's logger the runner uses, so tests can pass a silent or recording one. */
export interface Logger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  debug(fields: object, message?: string): void;
}

export function createLogger(level: string): Logger {
  // Synchronous writes: the last lines before a crash or a SIGTERM exit are not lost in a buffer.
  return pino({ level, base: { service: 'issafesite-runner' } }, pino.destination({ dest: 1, sync: true }));
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
