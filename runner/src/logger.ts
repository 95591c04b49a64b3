// The runner's log: JSON lines (pino) on stdout, one object per event. API keys never reach it: fields
// that may hold one are censored by name, and every line is scrubbed of anything shaped like a key or a
// bearer token, wherever it hides (a path, an error message, a request id).
import { pino } from 'pino';

/** The part of pino's logger the runner uses, so tests can pass a silent or recording one. */
export interface Logger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  debug(fields: object, message?: string): void;
}

const SECRET_FIELDS = ['authorization', 'key', 'apiKey', 'bootstrapKey', 'token'];
/**
 * Fields that hold key material (pino's redact paths). Named paths, not wildcards: a wildcard path costs
 * 11 µs on every line, a tenth of a listing request's time (docs/performance.md).
 */
export const REDACTED_FIELDS = [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `headers.${f}`), 'req.headers.authorization', 'config.bootstrapKey'];

/** Our keys ("iss_" and 40 base62 characters, api-keys.ts): the 12-character prefix `keys list` shows stays. */
const OUR_KEY = /\b(iss_[A-Za-z0-9]{8})[A-Za-z0-9]{32}\b/g;
/** Any bearer credential, such as a RUNNER_BOOTSTRAP_KEY of the operator's own making (RFC 6750 b64token). */
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Replaces our keys (keeping their listed prefix), bearer credentials and the given secrets in a log line. */
export function secretScrubber(secrets: readonly string[] = []): (line: string) => string {
  const known = secrets.filter((s) => s.length >= 8);
  const literal = known.length === 0 ? undefined : new RegExp(known.map(escapeRegExp).join('|'), 'g');
  return (line) => {
    const scrubbed = line.replace(OUR_KEY, '$1…').replace(BEARER, '$1 [redacted]');
    return literal === undefined ? scrubbed : scrubbed.replace(literal, '[redacted]');
  };
}

export interface LoggerOptions {
  /** Where the lines go; stdout, synchronously, by default. */
  destination?: pino.DestinationStream;
  /** Values never to be written, wherever they appear (RUNNER_BOOTSTRAP_KEY, whose shape is the operator's choice). */
  secrets?: readonly (string | undefined)[];
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'issafesite-runner' },
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
      hooks: { streamWrite: secretScrubber(options.secrets?.filter((s): s is string => s !== undefined)) },
    },
    // Synchronous writes: the last lines before a crash or a SIGTERM exit are not lost in a buffer.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
