// Turning parsed HTML elements into evidence and locations: a short CSS selector that finds the element
// again in the browser's dev tools, and the element's opening tag as it would read in the source.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { mediaType } from '../headers.js';
import type { Page } from '../types.js';

/** Evidence stays readable in a PR comment and a PDF line: long snippets are cut with an ellipsis. */
export const SNIPPET_MAX = 160;

/** How many offending elements or URLs a finding lists before "and N more". */
export const EVIDENCE_ITEMS = 5;

/** The parsed HTML of a page, or the reason a check that reads HTML cannot judge it. */
export function htmlOf(page: Page): { $: CheerioAPI } | { notApplicable: string } {
  if (page.$ !== undefined) return { $: page.$ };
  const type = mediaType(page.response) || 'no content type';
  return { notApplicable: `The page is not HTML (${type}).` };
}

export function truncate(text: string, max = SNIPPET_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whitespace runs collapsed to one space and trimmed, as browsers render text. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

// Boolean attributes read best bare (`<script async>`); any other empty attribute shows its quotes, since
// `href=""` is often the very evidence.
const BOOLEAN_ATTRIBUTES = new Set(['async', 'defer', 'nomodule', 'hidden', 'disabled', 'checked', 'selected', 'readonly', 'required', 'multiple', 'autofocus', 'novalidate', 'open', 'loop', 'muted', 'autoplay', 'controls', 'playsinline', 'itemscope', 'download']);

/** The element's opening tag, e.g. `<img src="/a.png" class="hero">`. */
export function openingTag(el: Element): string {
  const attrs = Object.entries(el.attribs)
    .map(([name, value]) => (value === '' && BOOLEAN_ATTRIBUTES.has(name) ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`))
    .join('');
  return truncate(`<${el.tagName}${attrs}>`);
}

/** The element with its text, e.g. `<h1 class="x">Welcome</h1>`, for elements whose text is the point. */
export function elementWithText($: CheerioAPI, el: Element): string {
  const open = openingTag(el);
  return truncate(`${open}${collapse($(el).text())}</${el.tagName}>`);
}

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

/** Elements (including script and style, which domhandler types apart) are the nodes with attributes. */
function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && typeof (node as { attribs?: unknown }).attribs === 'object';
}

/**
 * A selector that matches this element: tag names with :nth-of-type where siblings share the tag, from the
 * nearest ancestor with a plain id (or from html).
 */
export function selectorOf(el: Element): string {
  const parts: string[] = [];
  let current: Element | null = el;
  while (current !== null) {
    const id = current.attribs.id;
    if (id !== undefined && SIMPLE_ID.test(id)) {
      parts.unshift(`${current.tagName}#${id}`);
      break;
    }
    const parent: unknown = current.parent;
    let part = current.tagName;
    if (isElement(parent)) {
      const sameTag = parent.children.filter((c): c is Element => isElement(c) && c.tagName === current!.tagName);
      if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(current) + 1})`;
    }
    parts.unshift(part);
    current = isElement(parent) ? parent : null;
  }
  return parts.join(' > ');
}

/** "a, b, c and 4 more" for the first few items of a list. */
export function listSome(items: string[], separator = '; ', max = EVIDENCE_ITEMS): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}and ${items.length - max} more` : shown;
}
