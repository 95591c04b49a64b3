// security.txt (RFC 9116 §3): /.well-known/security.txt, and the legacy /security.txt only when the first
// is not there (the RFC lets clients fall back to it).
import { mediaType } from '../../headers.js';
import { isFetchFailure, type FetchOutcome } from '../../types.js';
import type { Deadline } from '../budget.js';
import { pathUrl } from '../crawl-url.js';
import type { Fetcher } from '../fetcher.js';

const SECURITY_TXT_MAX_BYTES = 32 * 1024;

function usable(outcome: FetchOutcome): boolean {
  return !isFetchFailure(outcome) && outcome.status === 200 && mediaType(outcome) !== 'text/html';
}

export async function fetchSecurityTxt(fetcher: Fetcher, origin: string, deadline: Deadline): Promise<FetchOutcome[]> {
  const options = { maxBytes: SECURITY_TXT_MAX_BYTES, deadline: deadline.at, headers: { accept: 'text/plain,*/*;q=0.8' } };
  const wellKnown = await fetcher.fetch(pathUrl(origin, '/.well-known/security.txt'), options);
  if (usable(wellKnown)) return [wellKnown];
  return [wellKnown, await fetcher.fetch(pathUrl(origin, '/security.txt'), options)];
}
