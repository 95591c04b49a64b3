// RFC 8941 structured fields, only as far as COOP/COEP need: an Item whose bare item is a Token,
// with parameters. The HTML standard ignores a header that does not parse as such (it is not
// partially honoured), and a quoted string is not a valid policy.
const TOKEN = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*/;
const KEY = /^[a-z*][a-z0-9_\-.*]*/;
const BARE_ITEM = [
  /^-?\d{1,15}(?:\.\d{1,3})?/, // integer or decimal
  /^"(?:[ !#-[\]-~]|\\["\\])*"/, // string: printable ASCII, with \" and \\ escapes
  TOKEN,
  /^:[A-Za-z0-9+/=]*:/, // byte sequence
  /^\?[01]/, // boolean
];

/** The Token of a structured-field Item, or null when the value is not an Item with a Token. */
export function structuredToken(value: string): string | null {
  let rest = value.replace(/^ +| +$/g, '');
  const token = TOKEN.exec(rest);
  if (token === null) return null;
  rest = rest.slice(token[0].length);
  while (rest.length > 0) {
    if (!rest.startsWith(';')) return null;
    rest = rest.slice(1).replace(/^ +/, '');
    const key = KEY.exec(rest);
    if (key === null) return null;
    rest = rest.slice(key[0].length);
    if (rest.startsWith('=')) {
      rest = rest.slice(1);
      const item = BARE_ITEM.map((re) => re.exec(rest)).find((m) => m !== null);
      if (item === undefined || item === null) return null;
      rest = rest.slice(item[0].length);
    }
  }
  return token[0];
}
