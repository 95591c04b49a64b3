// Evaluating an exposure rule against a response (pure). Every matcher must hold; the evidence is the
// matched bytes, with secret values hidden for rules that read credentials.
import { mediaType } from '../headers.js';
import type { FetchedResponse, FetchOutcome, Severity } from '../types.js';
import { isFetchFailure } from '../types.js';
import type { ExposureMatcher, ExposureRule } from './exposures.js';

const SNIPPET_MAX = 120;
/** Matchers read the start of the body; rules ask for at most this much anyway. */
const TEXT_BYTES = 64 * 1024;

function bodyText(res: FetchedResponse): string {
  return res.body.subarray(0, TEXT_BYTES).toString('latin1');
}

function headerText(res: FetchedResponse): string {
  return Object.entries(res.headers)
    .flatMap(([name, values]) => values.map((v) => `${name}: ${v}`))
    .join('\n');
}

/** An HTML document: what catch-all routes, error pages and login walls answer with. */
export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 1024).replace(/^\uFEFF/, '').trimStart();
  return /^<!doctype html|^<html[\s>]/i.test(start) || /<(?:head|body)[\s>]/i.test(start);
}

function holds(matcher: ExposureMatcher, res: FetchedResponse, text: string): boolean {
  switch (matcher.type) {
    case 'status':
      return matcher.codes.includes(res.status);
    case 'word': {
      const haystack = matcher.part === 'headers' ? headerText(res) : text;
      const h = matcher.caseInsensitive ? haystack.toLowerCase() : haystack;
      const found = (w: string): boolean => h.includes(matcher.caseInsensitive ? w.toLowerCase() : w);
      return matcher.all ? matcher.words.every(found) : matcher.words.some(found);
    }
    case 'regex':
      return matcher.all ? matcher.patterns.every((p) => p.test(text)) : matcher.patterns.some((p) => p.test(text));
    case 'content-type': {
      const type = mediaType(res);
      const hit = matcher.types.some((t) => type.startsWith(t));
      return matcher.negate ? !hit : hit;
    }
    case 'magic':
      return matcher.signatures.some((s) => res.body.subarray(0, s.hex.length / 2).equals(Buffer.from(s.hex, 'hex')));
    case 'not-html':
      return !looksLikeHtml(text);
    case 'json':
      try {
        const parsed: unknown = JSON.parse(res.body.toString('utf8'));
        return typeof parsed === 'object' && parsed !== null;
      } catch {
        return false;
      }
  }
}

/** A line with its value hidden: `DB_PASSWORD=<redacted>`, `admin:<redacted>`, `define('DB_PASSWORD', <redacted>);`. */
export function redactLine(line: string): string {
  const define = /^(\s*define\s*\(\s*(['"])[^'"]*\2\s*,)\s*.+$/.exec(line);
  if (define) return `${define[1]} <redacted>);`;
  const assign = /^([^=]*?=)\s*\S.*$/.exec(line);
  if (assign) return `${assign[1]}<redacted>`;
  const colon = /^([^:]*?:)\s*\S.*$/.exec(line);
  if (colon) return `${colon[1]} <redacted>`;
  return line;
}

function cut(text: string): string {
  return text.length <= SNIPPET_MAX ? text : `${text.slice(0, SNIPPET_MAX - 1)}…`;
}

/** The line around `index`, printable, cut short, redacted when asked. */
function lineAt(text: string, index: number, redact: boolean): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const endAt = text.indexOf('\n', index);
  const line = text.slice(start, endAt === -1 ? undefined : endAt).replace(/[^\x20-\x7e\t]/g, '').trim();
  return cut(redact ? redactLine(line) : line);
}

function firstIndex(matcher: ExposureMatcher, text: string): number | undefined {
  if (matcher.type === 'regex') {
    for (const p of matcher.patterns) {
      const m = new RegExp(p.source, p.flags.replace('g', '')).exec(text);
      if (m) return m.index;
    }
  }
  if (matcher.type === 'word' && matcher.part !== 'headers') {
    const h = matcher.caseInsensitive ? text.toLowerCase() : text;
    for (const w of matcher.words) {
      const i = h.indexOf(matcher.caseInsensitive ? w.toLowerCase() : w);
      if (i >= 0) return i;
    }
  }
  return undefined;
}

export interface ExposureMatch {
  severity: Severity;
  /** Why the severity was raised above the rule's own, e.g. "a registry access token". */
  escalatedFor?: string;
  /** What proves it: the matched line (values hidden) or the file signature. */
  snippet: string;
}

/** Whether every matcher of the rule holds for the response, with the evidence. */
export function matchExposure(rule: ExposureRule, res: FetchedResponse): ExposureMatch | undefined {
  const text = bodyText(res);
  if (!rule.matchers.every((m) => holds(m, res, text))) return undefined;
  const redact = rule.redact ?? false;
  let snippet: string | undefined;
  const magic = rule.matchers.find((m) => m.type === 'magic');
  if (magic?.type === 'magic') {
    const sig = magic.signatures.find((s) => res.body.subarray(0, s.hex.length / 2).equals(Buffer.from(s.hex, 'hex')))!;
    snippet = `starts with bytes ${sig.hex.match(/../g)!.join(' ')} (${sig.name})`;
  }
  for (const m of rule.matchers) {
    if (snippet !== undefined) break;
    const i = firstIndex(m, text);
    if (i !== undefined) snippet = JSON.stringify(lineAt(text, i, redact));
  }
  snippet ??= JSON.stringify(cut(text.replace(/\s+/g, ' ').trim()));
  if (rule.escalate) {
    for (const p of rule.escalate.patterns) {
      const m = p.exec(text);
      if (m) {
        const line = lineAt(text, m.index, true);
        return { severity: rule.escalate.severity, escalatedFor: rule.escalate.reason, snippet: `${snippet}; ${JSON.stringify(line)}` };
      }
    }
  }
  return { severity: rule.severity, snippet };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The body with what varies between two not-found answers taken out: the requested path (echoed by many
 * error pages, raw, decoded or HTML-escaped) and numbers (request ids, timestamps).
 */
function comparable(res: FetchedResponse): string {
  let text = res.body.subarray(0, TEXT_BYTES).toString('utf8');
  const paths = new Set<string>();
  for (const u of [res.requestedUrl, res.url]) {
    const parsed = URL.parse(u);
    if (parsed === null) continue;
    paths.add(parsed.pathname);
    paths.add(`${parsed.pathname}${parsed.search}`);
    try {
      paths.add(decodeURIComponent(parsed.pathname));
    } catch {
      // A path that does not decode is only removed as sent.
    }
  }
  for (const p of [...paths].filter((p) => p.length > 1).sort((a, b) => b.length - a.length)) {
    text = text.split(p).join('').split(escapeHtml(p)).join('').split(p.replace(/^\//, '')).join('');
  }
  return text.replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();
}

/**
 * Whether the response is how the site answers for any path (soft 404): the same status as an answer for a
 * random path and the same body once the path and numbers are taken out, or a redirect to the same place.
 */
export function matchesBaseline(res: FetchedResponse, baselines: readonly FetchOutcome[] | undefined): boolean {
  const mine = comparable(res);
  for (const b of baselines ?? []) {
    if (isFetchFailure(b) || b.status !== res.status) continue;
    if (res.redirects.length > 0 && b.redirects.length > 0 && res.url === b.url) return true;
    if (comparable(b) === mine) return true;
  }
  return false;
}
