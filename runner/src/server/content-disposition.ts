// Content-Disposition for downloads (RFC 6266): a quoted ASCII `filename` every client understands and,
// when the readable name differs (an internationalised domain), `filename*` with it in UTF-8 (RFC 8187),
// which browsers prefer (curl -J reads `filename`).

/** RFC 8187 attr-char: the characters an ext-value may hold without percent-encoding. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function extValue(value: string): string {
  let out = "UTF-8''";
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `attachment; filename="<ascii>"` plus `filename*` when `unicodeName` differs. `asciiName` must already be
 * safe in a quoted string (letters, digits, dot, dash, underscore): it is checked, not escaped.
 */
export function attachment(asciiName: string, unicodeName?: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(asciiName)) throw new Error(`not a safe ASCII file name: ${JSON.stringify(asciiName)}`);
  const header = `attachment; filename="${asciiName}"`;
  return unicodeName === undefined || unicodeName === asciiName ? header : `${header}; filename*=${extValue(unicodeName)}`;
}
