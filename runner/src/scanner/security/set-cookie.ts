// Set-Cookie parsing as browsers do it (RFC 6265bis §5.6). The cookie's value is kept out of every
// string we produce: evidence shows the name and the attributes only.
export type SameSite = 'strict' | 'lax' | 'none';

export interface SetCookie {
  name: string;
  /** True when the value is not empty; the value itself is never kept. */
  hasValue: boolean;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  /** The recognised SameSite value, undefined when the attribute is absent or not recognised. */
  sameSite?: SameSite;
  /** A SameSite attribute was given with a value browsers do not recognise (e.g. `SameSite=`, `SameSite=True`). */
  sameSiteInvalid: boolean;
  domain?: string;
  path?: string;
  /** The attributes as sent, for evidence. */
  attributes: string[];
}

const REDACTED = '[redacted]';

export function parseSetCookie(line: string): SetCookie {
  const [pair = '', ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  // §5.6 step 3: a pair without "=" is a cookie with an empty name.
  const name = eq === -1 ? '' : pair.slice(0, eq).trim();
  const value = eq === -1 ? pair.trim() : pair.slice(eq + 1).trim();
  const cookie: SetCookie = { name, hasValue: value !== '', secure: false, httpOnly: false, partitioned: false, sameSiteInvalid: false, attributes: [] };
  for (const raw of attrs) {
    const attr = raw.trim();
    if (attr === '') continue;
    cookie.attributes.push(attr);
    const i = attr.indexOf('=');
    const key = (i === -1 ? attr : attr.slice(0, i)).trim().toLowerCase();
    const val = i === -1 ? '' : attr.slice(i + 1).trim();
    // The last occurrence of an attribute wins (§5.6, "cookie-attribute-list").
    switch (key) {
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'partitioned':
        cookie.partitioned = true;
        break;
      case 'domain':
        cookie.domain = val.replace(/^\./, '').toLowerCase() || undefined;
        break;
      case 'path':
        cookie.path = val.startsWith('/') ? val : undefined;
        break;
      case 'samesite': {
        const v = val.toLowerCase();
        if (v === 'strict' || v === 'lax' || v === 'none') cookie.sameSite = v;
        else {
          cookie.sameSite = undefined;
          cookie.sameSiteInvalid = true;
        }
        break;
      }
    }
  }
  return cookie;
}

/** The Set-Cookie line with the value replaced, for evidence. */
export function redactedLine(cookie: SetCookie): string {
  const pair = cookie.name === '' ? (cookie.hasValue ? REDACTED : '') : `${cookie.name}=${cookie.hasValue ? REDACTED : ''}`;
  return ['Set-Cookie: ' + pair, ...cookie.attributes].join('; ');
}

/** RFC 6265bis §4.1.3: what the `__Secure-` and `__Host-` name prefixes require, or undefined when met. */
export function prefixViolation(cookie: SetCookie): string | undefined {
  const lower = cookie.name.toLowerCase();
  if (lower.startsWith('__host-')) {
    if (!cookie.secure) return 'a __Host- cookie must be Secure';
    if (cookie.domain !== undefined) return 'a __Host- cookie must not have a Domain attribute';
    if (cookie.path !== '/') return 'a __Host- cookie must have Path=/';
  } else if (lower.startsWith('__secure-') && !cookie.secure) return 'a __Secure- cookie must be Secure';
  return undefined;
}

/** Whether a browser at `host` accepts the cookie's Domain attribute (§5.1.3 domain-match). */
export function domainAccepted(cookie: SetCookie, host: string): boolean {
  if (cookie.domain === undefined) return true;
  const h = host.toLowerCase();
  return h === cookie.domain || h.endsWith('.' + cookie.domain);
}
