// JSON-LD structured data makes a page eligible for rich results (products, articles, FAQs, breadcrumbs).
// Google reads each <script type="application/ld+json"> on its own: one that does not parse, or lacks the
// @context naming its vocabulary or the @type saying what it describes, is dropped whole.
import type { Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio';
import type { Check, FindingDraft } from '../../types.js';
import { htmlOf, listSome, selectorOf, truncate } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/appearance/structured-data/intro-structured-data',
  'https://developers.google.com/search/docs/appearance/structured-data/sd-policies',
  'https://validator.schema.org/',
];

/** Around this many characters each side of a parse error position show the mistake in context. */
const CONTEXT = 40;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasValue(obj: Record<string, unknown>, key: string): boolean {
  const v = obj[key];
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** What keeps parsed JSON-LD from being used: items that are not objects, or lack @context or @type. */
export function jsonLdProblems(data: unknown): string[] {
  const items = Array.isArray(data) ? data : [data];
  if (items.length === 0) return ['the block is an empty array'];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const where = items.length > 1 ? `item ${i + 1}` : 'the block';
    if (!isObject(item)) return void problems.push(`${where} is not a JSON object`);
    if (!hasValue(item, '@context')) problems.push(`${where} has no @context`);
    const graph = item['@graph'];
    if (Array.isArray(graph)) {
      const untyped = graph.filter((node) => !isObject(node) || !hasValue(node, '@type')).length;
      if (untyped > 0) problems.push(`${untyped} node${untyped === 1 ? '' : 's'} of @graph ${untyped === 1 ? 'has' : 'have'} no @type`);
    } else if (!hasValue(item, '@type')) {
      problems.push(`${where} has no @type`);
    }
  });
  return problems;
}

/** The text around the position a JSON.parse message names, or the start of the text. */
function snippetAt(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (position === null) return truncate(flat(text.trim()), CONTEXT * 3);
  const at = Number(position[1]);
  const start = Math.max(0, at - CONTEXT);
  return `${start > 0 ? '…' : ''}${flat(text.slice(start, at))}⟨here⟩${flat(text.slice(at, at + CONTEXT))}${at + CONTEXT < text.length ? '…' : ''}`;
}

function isJsonLd(el: Element): boolean {
  return (el.attribs.type ?? '').split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}

function judge($: CheerioAPI, el: Element, index: number, url: string): FindingDraft | undefined {
  const text = $(el).text();
  const location = { url, selector: selectorOf(el) };
  const ordinal = `JSON-LD block ${index + 1}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      severity: 'medium',
      title: `${ordinal} is not valid JSON`,
      description: 'Search engines discard structured data that does not parse, so the page loses the rich results this block was written for.',
      evidence: `${message}: ${snippetAt(text, message)}`,
      location,
      remediation: 'Fix the JSON syntax (trailing commas, single quotes, unescaped quotes or line breaks in strings are the usual causes); generate the block with JSON.stringify rather than a text template, and check it with the Rich Results Test.',
      references: REFERENCES,
    };
  }
  const problems = jsonLdProblems(data);
  if (problems.length === 0) return undefined;
  return {
    severity: 'medium',
    title: `${ordinal} is not usable structured data`,
    description: 'A JSON-LD block needs @context (the vocabulary, normally "https://schema.org") and @type (what the block describes, e.g. "Organization"); without them search engines cannot interpret it.',
    evidence: `${listSome(problems)}: ${truncate(text.replace(/\s+/g, ' ').trim(), CONTEXT * 3)}`,
    location,
    remediation: 'Start every JSON-LD object with `"@context": "https://schema.org"` and a `"@type"` from schema.org, or give each node of `@graph` its `@type`.',
    references: REFERENCES,
  };
}

export const jsonLd: Check = {
  id: 'json-ld',
  category: 'seo',
  depth: 'QUICK',
  title: 'Structured data (JSON-LD)',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const blocks = $('script[type]').toArray().filter(isJsonLd);
    if (blocks.length === 0) return { outcome: 'json-ld-none', findings: [] };
    const findings = blocks.map((el, i) => judge($, el, i, page.response.url)).filter((f): f is FindingDraft => f !== undefined);
    return { outcome: findings.length === 0 ? 'json-ld-valid' : 'json-ld-invalid', findings };
  },
};
