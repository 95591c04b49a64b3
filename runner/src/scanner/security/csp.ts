// Content-Security-Policy: parsing (CSP3 §2.2) and the analysis behind the content-security-policy,
// x-frame-options and mixed-content checks. Verdict names and their order follow the MDN HTTP
// Observatory (src/analyzer/tests/csp.js, algorithm version 4), so our outcome can be compared with theirs.
import { header, headerValues } from '../headers.js';
import type { Page } from '../types.js';
import { metaHttpEquiv } from './html.js';

/** Best to worst among the implemented policies, then the failures (the Observatory's order). */
export const CSP_OUTCOMES = [
  'csp-implemented-with-no-unsafe-default-src-none',
  'csp-implemented-with-no-unsafe',
  'csp-implemented-with-unsafe-inline-in-style-src-only',
  'csp-implemented-with-insecure-scheme-in-passive-content-only',
  'csp-implemented-with-unsafe-eval',
  'csp-implemented-with-unsafe-inline',
  'csp-implemented-with-insecure-scheme',
  'csp-implemented-but-duplicate-directives',
  'csp-header-invalid',
  'csp-not-implemented',
  'csp-not-implemented-but-reporting-enabled',
] as const;
export type CspOutcome = (typeof CSP_OUTCOMES)[number];

/** Sources that allow script from (nearly) anywhere. */
export const BROAD_SOURCES = new Set(['*', 'http:', 'https:', 'ftp:', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
/** Sources that allow attacker-controlled inline code. */
const INLINE_SOURCES = new Set(["'unsafe-inline'", 'data:']);
const NONCE_OR_HASH = /^'(nonce|sha256|sha384|sha512)-/;
/** The HTML standard ignores these in a `<meta>` policy. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);
/** Reporting endpoints may be repeated without changing enforcement. */
const REPEATABLE_DIRECTIVES = new Set(['report-uri', 'report-to']);
const NOT_CONTENT = new Set(['report-uri', 'report-to']);
const PASSIVE_DIRECTIVES = ['img-src', 'media-src'];
/** The shortest directive names (img-src, sandbox) have 7 characters: a shorter policy holds none. */
const SHORTEST_POLICY = 7;

export interface ParsedPolicy {
  origin: 'header' | 'meta';
  /** The policy as written. */
  text: string;
  /** Directive name (lower-case) → its sources (lower-case); `'none'` alone becomes an empty list. */
  directives: Map<string, string[]>;
  /** Why the policy cannot be used, when it cannot. */
  invalid?: string;
  /** A reporting directive given twice. */
  repeatedReporting: boolean;
}

export interface CspFlags {
  /** script-src allows inline script, data: or broad sources, or object-src allows broad sources. */
  unsafeInline: boolean;
  unsafeEval: boolean;
  insecureSchemeActive: boolean;
  insecureSchemePassive: boolean;
  unsafeInlineStyle: boolean;
  defaultNone: boolean;
  strictDynamic: boolean;
  /** frame-ancestors (header policies only) is set and not broad. */
  antiClickjacking: boolean;
  insecureBaseUri: boolean;
  insecureFormAction: boolean;
  unsafeObjects: boolean;
  upgradeInsecureRequests: boolean;
}

export interface CspAnalysis {
  outcome: CspOutcome;
  /** Raw values of the Content-Security-Policy header(s). */
  headerValues: string[];
  /** Contents of the `<meta http-equiv="Content-Security-Policy">` elements. */
  metaValues: string[];
  reportOnlyValue?: string;
  policies: ParsedPolicy[];
  invalidReason?: string;
  /** Set when a policy is enforced and valid. */
  flags?: CspFlags;
  /** The effective sources of a directive across every policy; null when no policy restricts it. */
  effective?: (directive: string) => string[] | null;
  /** Sources that make script (or object) unsafe, for the finding's description. */
  scriptProblems: string[];
  /** frame-ancestors sources from header policies, or null when none sets it. */
  frameAncestors: string[] | null;
}

/** Per CSP3 §2.2 (and RFC 9110 §5.3 for repeated headers) a comma separates policies. */
function splitPolicies(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((p) => p.replace(/[\r\n]/g, '').trim());
}

export function parsePolicy(text: string, origin: 'header' | 'meta'): ParsedPolicy {
  const policy: ParsedPolicy = { origin, text, directives: new Map(), repeatedReporting: false };
  if (text.length < SHORTEST_POLICY) {
    policy.invalid = text === '' ? 'an empty policy' : `a policy too short to hold a directive ("${text}")`;
    return policy;
  }
  for (const part of text.split(';')) {
    const [rawName, ...rawSources] = part.trim().split(/\s+/);
    if (rawName === undefined || rawName === '') continue;
    const name = rawName.toLowerCase();
    if (policy.directives.has(name)) {
      if (REPEATABLE_DIRECTIVES.has(name)) policy.repeatedReporting = true;
      else policy.invalid ??= `the directive ${name} appears twice`;
      continue;
    }
    if (origin === 'meta' && HEADER_ONLY_DIRECTIVES.has(name)) continue;
    const sources = rawSources.map((s) => s.toLowerCase());
    // CSP3 §6.7.2.x: 'none' only counts when it is the sole source; an empty source list is 'none'.
    policy.directives.set(name, sources.filter((s) => s !== "'none'"));
  }
  return policy;
}

function isFetchDirective(name: string): boolean {
  return name.endsWith('-src') || /^(script|style)-src-(elem|attr)$/.test(name);
}

/** A directive's sources in one policy, falling back to default-src for fetch directives; null = unrestricted. */
function ownOrDefault(policy: ParsedPolicy, name: string): string[] | null {
  const own = policy.directives.get(name);
  if (own !== undefined) return [...own];
  if (isFetchDirective(name)) {
    const def = policy.directives.get('default-src');
    if (def !== undefined) return [...def];
  }
  return null;
}

function hasNonceOrHash(sources: string[]): boolean {
  return sources.some((s) => NONCE_OR_HASH.test(s));
}

/** A host-source or scheme-source (CSP3 grammar), which 'strict-dynamic' tells browsers to ignore. */
function isHostOrScheme(source: string): boolean {
  return !source.startsWith("'");
}

/**
 * script-src and style-src as browsers apply them: 'unsafe-inline' is ignored next to a nonce or hash
 * (CSP3 §8.3), and 'strict-dynamic' ignores host and scheme sources, 'self' and 'unsafe-inline' (§8.2).
 */
function processed(policy: ParsedPolicy, name: 'script-src' | 'style-src'): { sources: string[] | null; strictDynamic: boolean } {
  let sources = ownOrDefault(policy, name);
  if (sources === null) return { sources, strictDynamic: false };
  const nonceOrHash = hasNonceOrHash(sources);
  if (nonceOrHash) sources = sources.filter((s) => s !== "'unsafe-inline'");
  if (name === 'script-src' && nonceOrHash && sources.includes("'strict-dynamic'")) {
    return { sources: sources.filter((s) => !isHostOrScheme(s) && s !== "'self'"), strictDynamic: true };
  }
  return { sources, strictDynamic: false };
}

/**
 * Every policy must allow a load for it to happen (CSP3 §8.1), so a source counts only when every
 * policy that restricts the directive lists it (the Observatory's reading of several policies).
 */
function intersect(lists: (string[] | null)[]): string[] | null {
  let acc: string[] | null = null;
  for (const list of lists) {
    if (list === null) continue;
    acc = acc === null ? [...new Set(list)] : acc.filter((s) => list.includes(s));
  }
  return acc;
}

const ANY = ['*'];
const insecure = (s: string): boolean => s.startsWith('http:') || s.startsWith('ftp:');

export function collectCsp(page: Page): { headerValues: string[]; metaValues: string[]; reportOnlyValue?: string } {
  return {
    headerValues: headerValues(page.response, 'content-security-policy'),
    metaValues: metaHttpEquiv(page, 'content-security-policy'),
    reportOnlyValue: header(page.response, 'content-security-policy-report-only'),
  };
}

export function analyzeCsp(page: Page): CspAnalysis {
  const { headerValues: hv, metaValues: mv, reportOnlyValue } = collectCsp(page);
  const policies = [...splitPolicies(hv).map((t) => parsePolicy(t, 'header')), ...splitPolicies(mv).map((t) => parsePolicy(t, 'meta'))];
  const base = { headerValues: hv, metaValues: mv, reportOnlyValue, policies, scriptProblems: [], frameAncestors: null };

  const broken = policies.find((p) => p.invalid !== undefined);
  if (broken !== undefined) return { ...base, outcome: 'csp-header-invalid', invalidReason: broken.invalid };

  const enforced = policies.filter((p) => p.directives.size > 0);
  if (enforced.length === 0) {
    return { ...base, outcome: reportOnlyValue !== undefined && reportOnlyValue.trim() !== '' ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented' };
  }

  const scripts = enforced.map((p) => processed(p, 'script-src'));
  const styles = enforced.map((p) => processed(p, 'style-src'));
  const effective = (name: string): string[] | null => intersect(enforced.map((p) => ownOrDefault(p, name)));
  const script = intersect(scripts.map((s) => s.sources)) ?? ANY;
  // The Observatory counts 'strict-dynamic' with nothing to trust (no nonce, no hash) as invalid: such a
  // policy blocks every script, which is never what its author meant.
  if (script.includes("'strict-dynamic'") && !hasNonceOrHash(script)) {
    return { ...base, outcome: 'csp-header-invalid', invalidReason: "'strict-dynamic' without a nonce or hash in script-src" };
  }
  const style = intersect(styles.map((s) => s.sources)) ?? ANY;
  const object = effective('object-src') ?? ANY;
  const headerPolicies = enforced.filter((p) => p.origin === 'header');
  const frameAncestors = intersect(headerPolicies.map((p) => p.directives.get('frame-ancestors') ?? null));

  const names = new Set(enforced.flatMap((p) => [...p.directives.keys()]));
  const active = [...names]
    .filter((n) => !PASSIVE_DIRECTIVES.includes(n) && n !== 'script-src' && !NOT_CONTENT.has(n))
    .flatMap((n) => effective(n) ?? [])
    .concat(script);
  const passive = PASSIVE_DIRECTIVES.flatMap((n) => effective(n) ?? []);
  const https = page.response.url.startsWith('https:');

  const scriptProblems: string[] = [];
  const scriptWeak = script.filter((s) => BROAD_SOURCES.has(s) || INLINE_SOURCES.has(s));
  if (scriptWeak.length > 0) scriptProblems.push(script === ANY ? 'no script-src or default-src, so scripts may load from anywhere' : `script-src allows ${scriptWeak.join(' ')}`);
  const objectWeak = object.filter((s) => BROAD_SOURCES.has(s));
  if (objectWeak.length > 0) scriptProblems.push(object === ANY ? 'no object-src or default-src, so plugins may load from anywhere' : `object-src allows ${objectWeak.join(' ')}`);

  const defaultSrc = effective('default-src');
  const flags: CspFlags = {
    unsafeInline: scriptProblems.length > 0,
    insecureSchemeActive: https && active.some(insecure),
    unsafeEval: script.includes("'unsafe-eval'") || style.includes("'unsafe-eval'"),
    insecureSchemePassive: https && passive.some(insecure),
    unsafeInlineStyle: style.some((s) => BROAD_SOURCES.has(s) || INLINE_SOURCES.has(s)),
    defaultNone: defaultSrc !== null && defaultSrc.length === 0,
    strictDynamic: scripts.some((s) => s.strictDynamic),
    antiClickjacking: frameAncestors !== null && !frameAncestors.some((s) => BROAD_SOURCES.has(s)),
    insecureBaseUri: (effective('base-uri') ?? ANY).some((s) => BROAD_SOURCES.has(s) || INLINE_SOURCES.has(s)),
    insecureFormAction: (effective('form-action') ?? ANY).some((s) => BROAD_SOURCES.has(s)),
    unsafeObjects: objectWeak.length > 0,
    upgradeInsecureRequests: names.has('upgrade-insecure-requests'),
  };

  let outcome: CspOutcome;
  if (flags.unsafeInline) outcome = 'csp-implemented-with-unsafe-inline';
  else if (flags.insecureSchemeActive) outcome = 'csp-implemented-with-insecure-scheme';
  else if (flags.unsafeEval) outcome = 'csp-implemented-with-unsafe-eval';
  else if (flags.insecureSchemePassive) outcome = 'csp-implemented-with-insecure-scheme-in-passive-content-only';
  else if (flags.unsafeInlineStyle) outcome = 'csp-implemented-with-unsafe-inline-in-style-src-only';
  else if (flags.defaultNone) outcome = 'csp-implemented-with-no-unsafe-default-src-none';
  else outcome = 'csp-implemented-with-no-unsafe';

  const passing: CspOutcome[] = [
    'csp-implemented-with-no-unsafe-default-src-none',
    'csp-implemented-with-no-unsafe',
    'csp-implemented-with-unsafe-inline-in-style-src-only',
    'csp-implemented-with-insecure-scheme-in-passive-content-only',
  ];
  if (passing.includes(outcome) && policies.some((p) => p.repeatedReporting)) outcome = 'csp-implemented-but-duplicate-directives';

  return { ...base, outcome, flags, effective, scriptProblems, frameAncestors };
}
