// A small XML well-formedness check (XML 1.0 §2.1): one root element, tags nested and closed in order,
// attributes quoted, entities known, nothing but whitespace, comments and processing instructions outside
// the root. Enough to tell a sitemap crawlers will reject; not a validating parser.

export interface XmlError {
  line: number;
  message: string;
}

const NAME = String.raw`[A-Za-z_][\w.:-]*`;
const TOKEN = new RegExp(String.raw`<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|</(${NAME})\s*>|<(${NAME})((?:\s+${NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)`, 'g');

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The first well-formedness error, or undefined when the document is well-formed. */
export function xmlWellFormedError(input: string): XmlError | undefined {
  const text = input.replace(/^\uFEFF/, '');
  const stack: { name: string; index: number }[] = [];
  let roots = 0;
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = m.index;
    const between = text.slice(last, index);
    last = index + m[0].length;
    if (stack.length === 0 && between.trim() !== '') return { line: lineOf(text, index), message: 'text outside the root element' };
    const token = m[0];
    if (token === '<') return { line: lineOf(text, index), message: 'a "<" that does not start a valid tag (unquoted attribute or bad name)' };
    if (token.startsWith('&')) return { line: lineOf(text, index), message: 'an "&" that is not an entity (write &amp;)' };
    if (token.startsWith('<!--') || token.startsWith('<?') || token.startsWith('<!DOCTYPE')) continue;
    if (token.startsWith('<![CDATA[')) {
      if (stack.length === 0) return { line: lineOf(text, index), message: 'CDATA outside the root element' };
      continue;
    }
    const [, closing, opening, , selfClosing] = m;
    if (closing !== undefined) {
      const open = stack.pop();
      if (open === undefined) return { line: lineOf(text, index), message: `closing tag </${closing}> without an opening tag` };
      if (open.name !== closing) return { line: lineOf(text, index), message: `</${closing}> closes <${open.name}> (line ${lineOf(text, open.index)})` };
      continue;
    }
    if (stack.length === 0) {
      roots++;
      if (roots > 1) return { line: lineOf(text, index), message: 'a second root element' };
    }
    if (selfClosing !== '/') stack.push({ name: opening!, index });
  }
  if (text.slice(last).trim() !== '' && stack.length === 0) return { line: lineOf(text, last), message: 'text outside the root element' };
  if (stack.length > 0) return { line: lineOf(text, stack.at(-1)!.index), message: `<${stack.at(-1)!.name}> is never closed` };
  if (roots === 0) return { line: 1, message: 'no root element' };
  return undefined;
}
