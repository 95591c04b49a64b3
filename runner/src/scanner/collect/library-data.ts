// The optional run-time refresh of the vulnerable-library table (ScanOptions.libraryDataUrl): off unless a
// scan asks for it; any failure keeps the bundled table and says so in the progress log.
import { fromRetire } from '../rules/js-libraries.js';
import { isFetchFailure, type JsLibraryTable } from '../types.js';
import type { Deadline } from './budget.js';
import type { Fetcher } from './fetcher.js';

/** The retire.js repository file is about 1 MB; leave room for growth. */
const LIBRARY_DATA_MAX_BYTES = 16 * 1024 * 1024;

export async function refreshLibraryTable(fetcher: Fetcher, url: string, deadline: Deadline, progress: (message: string) => void): Promise<JsLibraryTable | undefined> {
  const outcome = await fetcher.fetch(url, { maxBytes: LIBRARY_DATA_MAX_BYTES, deadline: deadline.at, headers: { accept: 'application/json' } });
  if (isFetchFailure(outcome) || outcome.status !== 200 || outcome.truncated) {
    progress(`Library data not refreshed from ${url} (${isFetchFailure(outcome) ? outcome.message : `status ${outcome.status}`}); using the bundled table`);
    return undefined;
  }
  try {
    return fromRetire(JSON.parse(outcome.body.toString('utf8')));
  } catch (err) {
    progress(`Library data from ${url} is unusable (${err instanceof Error ? err.message : String(err)}); using the bundled table`);
    return undefined;
  }
}
