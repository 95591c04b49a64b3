/**
 * The Origin the scanner sends with the page request, shared by collect (which sends it) and the cors
 * check (which looks for it). The Observatory's probe does the same: an Access-Control-Allow-Origin that
 * names this unrelated origin can only be a reflection. `.invalid` never resolves (RFC 2606).
 */
export const CORS_PROBE_ORIGIN = 'https://cors-probe.issafesite.invalid';
