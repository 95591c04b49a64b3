// A store that cannot write right now (locked by another process, disk full, read-only, I/O error). The
// server answers 503 with the sentence and keeps serving what it can still read; any store
// implementation (SQLite today, PostgreSQL later) throws this one type for such faults.

export type StoreFaultKind = 'busy' | 'full' | 'readonly' | 'io';

/** What the API client reads: what happened and what to do, never a path or an SQL error. */
const MESSAGES: Record<StoreFaultKind, string> = {
  busy: 'The runner cannot save this right now because its database is locked by another process; retry in a few seconds.',
  full: 'The runner cannot save this right now because the disk holding its database is full; retry once its operator has freed space.',
  readonly: 'The runner cannot save this right now because its database is read-only; retry once its operator has fixed the permissions.',
  io: 'The runner cannot save this right now because its database reported a disk I/O error; retry in a few seconds.',
};

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    readonly kind: StoreFaultKind,
    /** The underlying error's own message, for the log. */
    readonly detail: string,
  ) {
    super(MESSAGES[kind]);
  }
}
