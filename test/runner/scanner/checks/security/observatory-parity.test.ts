// Parity with the MDN HTTP Observatory (github.com/mdn/mdn-http-observatory, test/*.test.js, algorithm
// version 4): each of their test cases re-stated as data (the input headers or HTML, and the outcome their
// test expects) and run through our check. The count of cases is asserted at the end, so a case that is
// dropped by mistake shows up.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../../runner/src/scanner/checks/security/content-security-policy.js';
import { cookies } from '../../../../../runner/src/scanner/checks/security/cookies.js';
import { cors, CORS_PROBE_ORIGIN } from '../../../../../runner/src/scanner/checks/security/cors.js';
import { crossOriginEmbedderPolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-embedder-policy.js';
import { crossOriginOpenerPolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-opener-policy.js';
import { crossOriginResourcePolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-resource-policy.js';
import { httpRedirection } from '../../../../../runner/src/scanner/checks/security/http-redirection.js';
import { referrerPolicy } from '../../../../../runner/src/scanner/checks/security/referrer-policy.js';
import { strictTransportSecurity } from '../../../../../runner/src/scanner/checks/security/strict-transport-security.js';
import { subresourceIntegrity } from '../../../../../runner/src/scanner/checks/security/subresource-integrity.js';
import { xContentTypeOptions } from '../../../../../runner/src/scanner/checks/security/x-content-type-options.js';
import { xFrameOptions } from '../../../../../runner/src/scanner/checks/security/x-frame-options.js';
import { analyzeCsp, type CspFlags } from '../../../../../runner/src/scanner/security/csp.js';
import type { Check, FetchOutcome, ScanArtifacts } from '../../../../../runner/src/scanner/types.js';
import { artifacts, htmlPage, redirectChain, tls } from '../../../../support/artifacts.js';

// Their fixtures scan https://mozilla.org/ (test/helpers.js); so do ours.
const SITE = 'https://mozilla.org/';

interface Input {
  headers?: Record<string, string | string[]>;
  html?: string;
  contentType?: string;
  status?: number;
  /** The http:// probe: the URLs visited in order, or null when plain HTTP does not answer. */
  httpRoute?: string[] | null;
  httpError?: 'TLS' | 'REFUSED';
  certificateTrusted?: boolean;
  /** Serve the page over plain HTTP (no https response at all). */
  plainHttp?: boolean;
}

function build(input: Input): ScanArtifacts {
  const headers = { 'content-type': input.contentType ?? 'text/html', ...(input.headers ?? {}) };
  const url = input.plainHttp === true ? 'http://mozilla.org/' : SITE;
  const page = htmlPage(input.html ?? '<html><head></head><body></body></html>', { url, headers, status: input.status ?? 200 });
  let http: FetchOutcome | undefined = redirectChain(['http://mozilla.org/', 'https://mozilla.org/', 'https://www.mozilla.org/']);
  if (input.httpRoute === null) http = { requestedUrl: 'http://mozilla.org/', error: 'REFUSED', message: 'connection refused' };
  else if (input.httpRoute !== undefined) http = redirectChain(input.httpRoute);
  if (input.httpError !== undefined) http = { requestedUrl: 'http://mozilla.org/', error: input.httpError, message: input.httpError };
  if (input.plainHttp === true) return artifacts({ target: url, page, pages: [page], http: page.response, tls: undefined });
  return artifacts({ target: SITE, page, pages: [page], http, tls: tls({ host: 'mozilla.org', trusted: input.certificateTrusted ?? true }) });
}

interface Case {
  name: string;
  input: Input;
  outcome: string;
}

const counted: Record<string, number> = {};
function parity(check: Check, cases: Case[]): void {
  counted[check.id] = (counted[check.id] ?? 0) + cases.length;
  describe(`${check.id} agrees with the Observatory`, () => {
    it.each(cases)('$name → $outcome', ({ input, outcome }) => {
      expect(check.run(build(input)).outcome).toBe(outcome);
    });
  });
}

const csp = (value: string): Input => ({ headers: { 'content-security-policy': value } });
const metaCsp = (...contents: string[]): string =>
  `<!doctype html><html lang="en"><head><meta charset="UTF-8">${contents.map((c) => `<meta http-equiv="Content-Security-Policy" content="${c}">`).join('')}<title>Title</title></head><body></body></html>`;
// test/files/test_parse_http_equiv_headers_*.html, re-stated.
const META_CSP1 = metaCsp("default-src 'none';");
const META_CSP2 = metaCsp('default-src https:');
const META_MULTIPLE = `<!doctype html><html lang="en"><head><meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; object-src 'none'; media-src 'none';">
  <meta http-equiv="Content-SECURITY-Policy" content="connect-src 'self'; font-src 'self'; child-src 'self'">
  <meta http-equiv=" Content-Security-Policy " content="img-src 'self'; style-src 'self' 'nonce-gAeQO8jI4VJCsrsXkcUVRCzQjiihKteQ">
  <meta http-equiv="Content-security-Policy" content="script-src 'self' 'unsafe-inline' 'nonce-gAeQO8jI4VJCsrsXkcUVRCzQjiihKteQ'">
  <title>Title</title></head><body></body></html>`;
const META_NOT_ALLOWED = metaCsp("frame-ancestors 'none'");
const HASH_A = "'sha256-hqBEA/HXB3aJU2FgOnYN8rkAgEVgyfi3Vs1j2/XMPBA='";
const HASH_B = "'sha256-hqBEA/HXB3aJU2FgOnYN8rkAgEVgyfi3Vs1j2/XMPBB='";

const each = (outcome: string, values: string[]): Case[] => values.map((v) => ({ name: JSON.stringify(v), input: csp(v), outcome }));

parity(contentSecurityPolicy, [
  { name: 'missing', input: {}, outcome: 'csp-not-implemented' },
  ...each('csp-header-invalid', [
    '  ',
    '',
    "default-src 'none'; default-src 'none'",
    "default-src 'none'; img-src 'self'; default-src 'none'",
    "default-src 'none'; script-src 'strict-dynamic'",
    'defa',
  ]),
  ...each('csp-implemented-with-unsafe-inline', ["default-src 'none'; script-src https://*", "default-src 'none'; script-src 'unsafe-inline'"]),
  ...each('csp-implemented-with-insecure-scheme', [
    'default-src http://mozilla.org',
    "default-src 'none'; script-src http://mozilla.org",
    "default-src 'none'; script-src http://mozilla.org",
    "default-src 'none'; script-src ftp://mozilla.org",
  ]),
  ...each('csp-implemented-with-insecure-scheme-in-passive-content-only', [
    "default-src 'none'; img-src http://mozilla.org",
    "default-src 'self'; img-src ftp:",
    "default-src 'self'; img-src http:",
    "default-src 'none'; img-src https:; media-src http://mozilla.org",
    "default-src 'none'; img-src http: https:; script-src 'self'; style-src 'self'",
    "default-src 'none'; img-src 'none'; media-src http:; script-src 'self'; style-src 'self'",
    "default-src 'none'; img-src 'none'; media-src http:; script-src 'self'; style-src 'unsafe-inline'",
  ]),
  ...each('csp-implemented-with-unsafe-inline', [
    "script-src 'unsafe-inline'",
    'script-src data:',
    'script-src http:',
    'script-src ftp:',
    "default-src 'unsafe-inline'",
    "default-src 'UNSAFE-INLINE'",
    'upgrade-insecure-requests',
    "script-src 'none'",
    'script-src https:',
    'script-src https://mozilla.org https:',
    'default-src https://mozilla.org https:',
    "default-src 'none'; script-src *",
    "default-src *; script-src *; object-src 'none'",
    "default-src 'none'; script-src 'none'; object-src *",
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'",
    "default-src 'none'; script-src 'unsafe-inline' http:",
    "object-src https:; script-src 'none'",
  ]),
  ...each('csp-implemented-with-unsafe-eval', ["default-src 'none'; script-src 'unsafe-eval'"]),
  ...each('csp-implemented-with-unsafe-inline-in-style-src-only', [
    "object-src 'none'; script-src 'none'; style-src 'unsafe-inline'",
    "default-src 'none'; script-src https://mozilla.org; style-src 'unsafe-inline'",
    "default-src 'unsafe-inline'; script-src https://mozilla.org",
    "default-src 'none';;; ;;;style-src 'self' 'unsafe-inline'",
    "default-src 'none'; style-src data:",
    "default-src 'none'; style-src *",
    "default-src 'none'; style-src https:",
    `default-src 'none'; style-src 'unsafe-inline'; script-src ${HASH_B} 'unsafe-inline'`,
  ]),
  ...each('csp-implemented-with-no-unsafe', [
    'default-src https://mozilla.org',
    "default-src https://mozilla.org;;; ;;;script-src 'none'",
    "object-src 'none'; script-src https://mozilla.org; style-src https://mozilla.org; upgrade-insecure-requests;",
    "object-src 'none'; script-src 'strict-dynamic' 'nonce-abc' 'unsafe-inline'; style-src 'none'",
    `object-src 'none'; style-src 'self';script-src ${HASH_A}`,
    // Their test concatenates the two hashes without a space; kept as written.
    `object-src 'none'; style-src 'self'; script-src 'unsafe-inline' ${HASH_A}${HASH_B}`,
    "object-src 'none'; script-src 'unsafe-inline' 'nonce-abc123' 'unsafe-inline'; style-src 'none'",
    "default-src https://mozilla.org; style-src 'unsafe-inline' 'nonce-abc123' 'unsafe-inline'",
    `default-src https://mozilla.org; style-src 'unsafe-inline' ${HASH_B} 'unsafe-inline'`,
  ]),
  { name: 'header default-src http: with meta default-src https:', input: { ...csp('default-src http:'), html: META_CSP2 }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  ...each('csp-implemented-with-no-unsafe-default-src-none', [
    'default-src',
    "default-src 'none'; script-src 'strict-dynamic' 'nonce-abc123' 'unsafe-inline'",
    "default-src 'none'; script-src https://mozilla.org; style-src https://mozilla.org; upgrade-insecure-requests;",
    "default-src 'none'; object-src https://mozilla.org",
  ]),
  { name: "meta default-src 'none'", input: { html: META_CSP1 }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  { name: 'four meta policies', input: { html: META_MULTIPLE }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  { name: "header and meta both default-src 'none'", input: { ...csp("default-src 'none'"), html: META_CSP1 }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  { name: "header default-src 'none' with meta default-src https:", input: { ...csp("default-src 'none'"), html: META_CSP2 }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  { name: "header img-src 'none' with meta default-src 'none'", input: { ...csp("img-src 'none'"), html: META_CSP1 }, outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  ...each('csp-implemented-with-no-unsafe-default-src-none', [
    "default-src 'none'; script-src 'strict-dynamic' 'nonce-abc123'",
    "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123'",
    "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' https://*",
    "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' 'unsafe-inline'",
  ]),
  {
    name: 'report-only header alone',
    input: { headers: { 'content-security-policy-report-only': "default-src 'none'; report-to /_/csp-reports" } },
    outcome: 'csp-not-implemented-but-reporting-enabled',
  },
  // Their test asserts "not invalid and passing" with default-src 'none' as the data.
  { name: 'two identical policies in one header', input: csp("default-src 'none'; script-src 'self', default-src 'none'; script-src 'self'"), outcome: 'csp-implemented-with-no-unsafe-default-src-none' },
  {
    name: 'three policies whose intersection drops unsafe-inline from style-src',
    input: csp(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline', default-src 'none'; style-src 'self', default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'",
    ),
    outcome: 'csp-implemented-with-no-unsafe-default-src-none',
  },
  { name: 'frame-ancestors only in meta', input: { html: META_NOT_ALLOWED }, outcome: 'csp-not-implemented' },
  { name: 'frame-ancestors only in meta, misspelt directive in header', input: { ...csp("frame-anchestors 'none'"), html: META_NOT_ALLOWED }, outcome: 'csp-implemented-with-unsafe-inline' },
]);

// Their "policy analysis" test asserts flags rather than outcomes; so do we.
describe('content-security-policy flags agree with the Observatory', () => {
  const flagCases: [string, keyof CspFlags, boolean][] = [
    ["default-src 'none'", 'antiClickjacking', false],
    ['frame-ancestors *', 'antiClickjacking', false],
    ['frame-ancestors http:', 'antiClickjacking', false],
    ['frame-ancestors https:', 'antiClickjacking', false],
    ["default-src *; frame-ancestors 'none'", 'antiClickjacking', true],
    ...(["default-src 'none'; base-uri *; object-src *", "default-src 'none'; base-uri https:; object-src https:", 'default-src *'].flatMap((v) => [
      [v, 'insecureBaseUri', true],
      [v, 'unsafeObjects', true],
    ]) as [string, keyof CspFlags, boolean][]),
    ["default-src *; base-uri 'none'", 'insecureBaseUri', false],
    ["default-src 'none'; base-uri 'self'", 'insecureBaseUri', false],
    ["default-src 'none'; base-uri https://mozilla.org", 'insecureBaseUri', false],
    ["default-src * http: https: data: 'unsafe-inline' 'unsafe-eval'", 'insecureSchemePassive', true],
    ["default-src 'none'; img-src http:", 'insecureSchemePassive', true],
    ["default-src 'none' https://mozilla.org; img-src http://mozilla.org", 'insecureSchemePassive', true],
    ['default-src https:; media-src http://mozilla.org; script-src http:', 'insecureSchemePassive', true],
    ["default-src *; form-action 'none'", 'insecureFormAction', false],
    ["default-src *; form-action 'self'", 'insecureFormAction', false],
    ["default-src 'none'; form-action 'self' https://mozilla.org", 'insecureFormAction', false],
    ["form-action 'self' https://mozilla.org", 'insecureFormAction', false],
    ['default-src *', 'insecureFormAction', true],
    ["default-src 'none'", 'insecureFormAction', true],
    ['form-action https:', 'insecureFormAction', true],
    ...([
      "default-src 'none'; script-src 'strict-dynamic' 'nonce-abc123'",
      "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123'",
      "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' https://*",
      "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' 'unsafe-inline'",
    ].map((v) => [v, 'strictDynamic', true]) as [string, keyof CspFlags, boolean][]),
  ];
  counted['content-security-policy flags'] = flagCases.length;
  it.each(flagCases)('%s → %s is %s', (value, flag, expected) => {
    const a = analyzeCsp(build(csp(value)).page);
    expect(a.flags?.[flag]).toBe(expected);
  });
});

const xfo = (value: string | undefined, extra: Record<string, string> = {}): Input => ({ headers: { ...(value === undefined ? {} : { 'x-frame-options': value }), ...extra } });
parity(xFrameOptions, [
  { name: 'missing', input: xfo(undefined), outcome: 'x-frame-options-not-implemented' },
  { name: 'whimsy', input: xfo('whimsy'), outcome: 'x-frame-options-header-invalid' },
  { name: 'sent twice', input: xfo('SAMEORIGIN, SAMEORIGIN'), outcome: 'x-frame-options-header-invalid' },
  { name: 'ALLOW-FROM', input: xfo('ALLOW-FROM https://mozilla.org'), outcome: 'x-frame-options-allow-from-origin' },
  { name: 'DENY', input: xfo('DENY'), outcome: 'x-frame-options-sameorigin-or-deny' },
  { name: 'SAMEORIGIN', input: xfo('SAMEORIGIN'), outcome: 'x-frame-options-sameorigin-or-deny' },
  { name: 'DENY with CSP frame-ancestors', input: xfo('DENY', { 'content-security-policy': 'frame-ancestors https://mozilla.org' }), outcome: 'x-frame-options-implemented-via-csp' },
  {
    name: 'only in a meta tag',
    input: { html: '<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="X-Frame-Options" content="DENY"><title>Title</title></head><body></body></html>' },
    outcome: 'x-frame-options-not-implemented',
  },
]);

const xcto = (value?: string): Input => ({ headers: value === undefined ? {} : { 'x-content-type-options': value } });
parity(xContentTypeOptions, [
  { name: 'missing', input: xcto(), outcome: 'x-content-type-options-not-implemented' },
  { name: 'whimsy', input: xcto('whimsy'), outcome: 'x-content-type-options-header-invalid' },
  { name: 'sent twice', input: xcto('nosniff, nosniff'), outcome: 'x-content-type-options-header-invalid' },
  { name: 'nosniff', input: xcto('nosniff'), outcome: 'x-content-type-options-nosniff' },
  { name: 'nosniff with a trailing space', input: xcto('nosniff '), outcome: 'x-content-type-options-nosniff' },
]);

const rp = (value?: string, html?: string): Input => ({ headers: value === undefined ? {} : { 'referrer-policy': value }, html });
const META_REFERRER = '<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta name="referrer" content="no-referrer, same-origin"><title>Title</title></head><body></body></html>';
parity(referrerPolicy, [
  ...['no-referrer', 'same-origin', 'strict-origin', 'STRICT-ORIGIN', 'strict-origin-when-cross-origin'].map((v) => ({ name: v, input: rp(v), outcome: 'referrer-policy-private' })),
  { name: 'meta referrer', input: rp(undefined, META_REFERRER), outcome: 'referrer-policy-private' },
  { name: 'meta referrer overrides an unsafe header', input: rp('unsafe-url', META_REFERRER), outcome: 'referrer-policy-private' },
  { name: 'missing', input: rp(), outcome: 'referrer-policy-not-implemented' },
  { name: 'whimsy', input: rp('whimsy'), outcome: 'referrer-policy-header-invalid' },
  ...['origin', 'origin-when-cross-origin', 'unsafe-url'].map((v) => ({ name: v, input: rp(v), outcome: 'referrer-policy-unsafe' })),
  { name: 'last valid value unsafe (safe middle)', input: rp('origin-when-cross-origin, no-referrer, unsafe-url'), outcome: 'referrer-policy-unsafe' },
  { name: 'last valid value unsafe (safe first)', input: rp('no-referrer, unsafe-url'), outcome: 'referrer-policy-unsafe' },
  { name: 'valid then invalid', input: rp('no-referrer, whimsy'), outcome: 'referrer-policy-private' },
  { name: 'all invalid', input: rp('whimsy, whimsy1, whimsy2'), outcome: 'referrer-policy-header-invalid' },
]);

const sts = (value?: string, extra: Partial<Input> = {}): Input => ({ headers: value === undefined ? {} : { 'strict-transport-security': value }, ...extra });
parity(strictTransportSecurity, [
  { name: 'missing', input: sts(), outcome: 'hsts-not-implemented' },
  { name: 'no max-age', input: sts('includeSubDomains; preload'), outcome: 'hsts-header-invalid' },
  { name: 'sent twice', input: sts('max-age=15768000; includeSubDomains, max-age=15768000; includeSubDomains'), outcome: 'hsts-header-invalid' },
  { name: 'no https', input: sts('max-age=15768000', { plainHttp: true }), outcome: 'hsts-not-implemented-no-https' },
  { name: 'untrusted certificate', input: sts('max-age=15768000; includeSubDomains; preload', { certificateTrusted: false }), outcome: 'hsts-invalid-cert' },
  { name: 'one day', input: sts('max-age=86400'), outcome: 'hsts-implemented-max-age-less-than-six-months' },
  { name: 'six months with includeSubDomains and preload', input: sts('max-age=15768000; includeSubDomains; preload'), outcome: 'hsts-implemented-max-age-at-least-six-months' },
  // Their "preloaded" test: bugzilla.mozilla.org and facebook.com need the browsers' preload list (not
  // shipped, see the report); dropboxusercontent.com is not on it and sends no header.
  { name: 'host not on the preload list, no header', input: sts(), outcome: 'hsts-not-implemented' },
]);

const cookieInput = (lines: string[], extra: Partial<Input> = {}): Input => ({ headers: { 'set-cookie': lines }, ...extra });
parity(cookies, [
  { name: 'no cookies', input: {}, outcome: 'cookies-not-found' },
  {
    name: 'secure with httponly sessions (heroku affinity ignored)',
    input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly', 'foo=bar; Domain=mozilla.org; Secure; Path=/', 'heroku-session-affinity=bar; Domain=mozilla.org; Path=/']),
    outcome: 'cookies-secure-with-httponly-sessions',
  },
  {
    name: 'secure with httponly sessions and samesite',
    input: cookieInput([
      'SESSIONID_SAMESITE_STRICT=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=Strict',
      'SESSIONID_SAMESITE_LAX=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=Lax',
      'SESSIONID_SAMESITE_NONE=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=None',
    ]),
    outcome: 'cookies-secure-with-httponly-sessions-and-samesite',
  },
  {
    name: 'samesite not awarded when one cookie lacks it',
    input: cookieInput([
      'SESSIONID_SAMESITE_STRICT=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=Strict',
      'SESSIONID_SAMESITE_NO_SAMESITE=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly',
      'SESSIONID_SAMESITE_LAX=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=Lax',
      'SESSIONID_SAMESITE_NONE=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=None',
    ]),
    outcome: 'cookies-secure-with-httponly-sessions',
  },
  { name: 'anti-CSRF token without samesite', input: cookieInput(['CSRFTOKEN=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly']), outcome: 'cookies-anticsrf-without-samesite-flag' },
  { name: 'SameSite empty', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=']), outcome: 'cookies-samesite-flag-invalid' },
  { name: 'SameSite=True', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=True']), outcome: 'cookies-samesite-flag-invalid' },
  { name: 'SameSite=Invalid', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly; SameSite=Invalid']), outcome: 'cookies-samesite-flag-invalid' },
  {
    name: 'regular cookie without Secure but HSTS',
    input: cookieInput(['foo=bar; Domain=mozilla.org; Path=/'], { headers: { 'set-cookie': ['foo=bar; Domain=mozilla.org; Path=/'], 'strict-transport-security': 'max-age=15768000' } }),
    outcome: 'cookies-without-secure-flag-but-protected-by-hsts',
  },
  {
    name: 'session cookie without Secure but HSTS',
    input: { headers: { 'set-cookie': ['SESSIONID=bar; Domain=mozilla.org; Path=/; HttpOnly'], 'strict-transport-security': 'max-age=15768000' } },
    outcome: 'cookies-session-without-secure-flag-but-protected-by-hsts',
  },
  { name: 'regular cookie without Secure', input: cookieInput(['foo=bar; Domain=mozilla.org; Path=/']), outcome: 'cookies-without-secure-flag' },
  { name: 'session cookie without HttpOnly', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; Secure']), outcome: 'cookies-session-without-httponly-flag' },
  { name: 'session cookie without Secure', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/; HttpOnly']), outcome: 'cookies-session-without-secure-flag' },
  { name: 'session cookie without Secure or HttpOnly', input: cookieInput(['SESSIONID=bar; Domain=mozilla.org; Path=/']), outcome: 'cookies-session-without-secure-flag' },
]);

// Their CORS probe sends an Origin header and compares; ours looks for CORS_PROBE_ORIGIN coming back.
parity(cors, [
  { name: 'not implemented', input: {}, outcome: 'cross-origin-resource-sharing-not-implemented' },
  { name: 'public access', input: { headers: { 'access-control-allow-origin': '*' } }, outcome: 'cross-origin-resource-sharing-implemented-with-public-access' },
  { name: 'restricted access', input: { headers: { 'access-control-allow-origin': 'https://mozilla.org' } }, outcome: 'cross-origin-resource-sharing-implemented-with-restricted-access' },
  {
    name: 'universal access (the probe origin reflected, with credentials)',
    input: { headers: { 'access-control-allow-origin': CORS_PROBE_ORIGIN, 'access-control-allow-credentials': 'true' } },
    outcome: 'cross-origin-resource-sharing-implemented-with-universal-access',
  },
]);

parity(httpRedirection, [
  { name: 'no http but https', input: { httpRoute: null }, outcome: 'redirection-not-needed-no-http' },
  { name: 'http answers without redirecting', input: { httpRoute: ['http://mozilla.org'] }, outcome: 'redirection-missing' },
  { name: 'redirects to http only', input: { httpRoute: ['http://mozilla.org', 'http://www.mozilla.org'] }, outcome: 'redirection-not-to-https' },
  { name: 'longer chain to http only', input: { httpRoute: ['http://mozilla.org', 'http://www.mozilla.org', 'http://www.mozilla.org/en/'] }, outcome: 'redirection-not-to-https' },
  { name: 'proper redirection', input: {}, outcome: 'redirection-to-https' },
  { name: 'proper redirection with a port', input: { httpRoute: ['http://mozilla.org/', 'https://mozilla.org:8443/'] }, outcome: 'redirection-to-https' },
  { name: 'first redirection to http', input: { httpRoute: ['http://mozilla.org/', 'http://www.mozilla.org/', 'https://www.mozilla.org/'] }, outcome: 'redirection-not-to-https-on-initial-redirection' },
  { name: 'first redirection off host', input: { httpRoute: ['http://mozilla.org/', 'https://www.mozilla.org/'] }, outcome: 'redirection-off-host-from-http' },
]);

const sriPage = (body: string): Input => ({ html: `<html><head>${body}</head><body></body></html>` });
const FB_HASH = 'sha384-zTm/dblzLXQNp3CgY+hfaC/WJ6h4XtNrePh2CW2+rO9GPuNiPb9jmthvAL+oI/dQ';
const LOCAL = '<script src="/static/js/foo.js"></script>';
const withSri = (src: string): string => `<script src="${src}" integrity="${FB_HASH}" crossorigin="anonymous"></script>`;
parity(subresourceIntegrity, [
  { name: 'no scripts', input: sriPage(''), outcome: 'sri-not-implemented-but-no-scripts-loaded' },
  { name: 'not html', input: { contentType: 'application/json', html: '{"foo": "bar"}' }, outcome: 'sri-not-implemented-response-not-html' },
  { name: 'same origin', input: sriPage(LOCAL), outcome: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin' },
  { name: 'same site without a scheme', input: sriPage('<script src="//www.mozilla.org/static/js/foo.js"></script>'), outcome: 'sri-not-implemented-and-external-scripts-not-loaded-securely' },
  { name: 'same site over https', input: sriPage('<script src="https://www.mozilla.org/static/js/foo.js"></script>'), outcome: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin' },
  { name: 'same site over https, 404 page', input: { ...sriPage('<script src="https://www.mozilla.org/static/js/foo.js"></script>'), status: 404 }, outcome: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin' },
  { name: 'external with SRI over https', input: sriPage(LOCAL + withSri('https://fb.me/react-0.14.7.min.js')), outcome: 'sri-implemented-and-external-scripts-loaded-securely' },
  { name: 'localhost with SRI over https', input: sriPage(LOCAL + withSri('https://localhost/react-0.14.7.min.js')), outcome: 'sri-implemented-and-external-scripts-loaded-securely' },
  { name: 'same origin with SRI', input: sriPage(withSri('/static/js/react-0.14.7.min.js')), outcome: 'sri-implemented-and-all-scripts-loaded-securely' },
  { name: 'external without SRI over https', input: sriPage(LOCAL + '<script src="https://fb.me/react-0.14.7.min.js"></script>'), outcome: 'sri-not-implemented-but-external-scripts-loaded-securely' },
  {
    name: 'external with SRI, one over http',
    input: sriPage(LOCAL + withSri('http://fb.me/react-0.14.6.min.js') + withSri('https://fb.me/react-0.14.7.min.js')),
    outcome: 'sri-implemented-but-external-scripts-not-loaded-securely',
  },
  { name: 'external with SRI without a scheme', input: sriPage(withSri('//fb.me/react-0.14.6.min.js')), outcome: 'sri-implemented-but-external-scripts-not-loaded-securely' },
  { name: 'external without SRI over http', input: sriPage(LOCAL + '<script src="http://fb.me/react-0.14.6.min.js"></script>'), outcome: 'sri-not-implemented-and-external-scripts-not-loaded-securely' },
  { name: 'external without SRI without a scheme', input: sriPage(LOCAL + '<script src="//fb.me/react-0.14.6.min.js"></script>'), outcome: 'sri-not-implemented-and-external-scripts-not-loaded-securely' },
]);

const corp = (value?: string | string[]): Input => ({ headers: value === undefined ? {} : { 'cross-origin-resource-policy': value } });
parity(crossOriginResourcePolicy, [
  { name: 'missing', input: corp(), outcome: 'corp-not-implemented' },
  { name: 'whimsy', input: corp('whimsy'), outcome: 'corp-header-invalid' },
  { name: 'same-site', input: corp('same-site'), outcome: 'corp-implemented-with-same-site' },
  { name: 'same-origin', input: corp('same-origin'), outcome: 'corp-implemented-with-same-origin' },
  { name: 'cross-origin', input: corp('cross-origin'), outcome: 'corp-implemented-with-cross-origin' },
  { name: 'sent twice', input: corp(['same-origin', 'cross-origin']), outcome: 'corp-header-invalid' },
]);

const sfCases = (prefix: string, header: string, invalid: string[], valid: [string, string][], twice: string[]): Case[] => [
  { name: 'missing', input: {}, outcome: `${prefix}-not-implemented` },
  ...invalid.map((v) => ({ name: `rejects ${v}`, input: { headers: { [header]: v } }, outcome: `${prefix}-header-invalid` })),
  ...valid.map(([v, o]) => ({ name: `accepts ${v}`, input: { headers: { [header]: v } }, outcome: o })),
  { name: 'sent twice', input: { headers: { [header]: twice } }, outcome: `${prefix}-header-invalid` },
];
parity(
  crossOriginOpenerPolicy,
  sfCases(
    'coop',
    'cross-origin-opener-policy',
    ['whimsy', '"same-origin"', 'Same-Origin', 'SAME-ORIGIN', 'same-origin; report-to=coop endpoint'],
    [
      ['same-origin', 'coop-implemented-with-same-origin'],
      ['same-origin-allow-popups', 'coop-implemented-with-same-origin-allow-popups'],
      ['noopener-allow-popups', 'coop-implemented-with-noopener-allow-popups'],
      ['unsafe-none', 'coop-implemented-with-unsafe-none'],
      ['same-origin; report-to="coop-endpoint"', 'coop-implemented-with-same-origin'],
      ['same-origin-allow-popups; report-to="coop-endpoint"', 'coop-implemented-with-same-origin-allow-popups'],
      ['same-origin; report-to', 'coop-implemented-with-same-origin'],
    ],
    ['same-origin', 'unsafe-none'],
  ),
);
parity(
  crossOriginEmbedderPolicy,
  sfCases(
    'coep',
    'cross-origin-embedder-policy',
    ['whimsy', '"require-corp"', 'Require-Corp', 'REQUIRE-CORP', 'require-corp; report-to=coep endpoint'],
    [
      ['require-corp', 'coep-implemented-with-require-corp'],
      ['credentialless', 'coep-implemented-with-credentialless'],
      ['unsafe-none', 'coep-implemented-with-unsafe-none'],
      ['require-corp; report-to="coep-endpoint"', 'coep-implemented-with-require-corp'],
      ['credentialless; report-to="coep-endpoint"', 'coep-implemented-with-credentialless'],
      ['require-corp; report-to', 'coep-implemented-with-require-corp'],
    ],
    ['require-corp', 'unsafe-none'],
  ),
);

// Where we knowingly answer differently. Each row: the input, our outcome, theirs, and why.
describe('deliberate divergences from the Observatory', () => {
  const rows: { name: string; check: Check; input: Input; ours: string; theirs: string }[] = [
    {
      // Their multi-policy merge turns a directive that only a later policy sets into 'none'; here the
      // meta policy's default-src 'self' is what browsers enforce.
      name: 'a directive set only by a later policy is not read as none',
      check: contentSecurityPolicy,
      input: { ...csp("img-src 'self'"), html: metaCsp("default-src 'self'") },
      ours: 'csp-implemented-with-no-unsafe',
      theirs: 'csp-implemented-with-no-unsafe-default-src-none',
    },
    {
      // A hash makes browsers ignore 'unsafe-inline' in that policy (CSP3 §8.3); they apply the rule after merging.
      name: "'unsafe-inline' next to a hash is ignored per policy, before policies are combined",
      check: contentSecurityPolicy,
      input: { ...csp("default-src 'unsafe-inline' 'sha256-xyz'"), html: metaCsp("default-src 'unsafe-inline' *") },
      ours: 'csp-implemented-with-no-unsafe',
      theirs: 'csp-implemented-with-unsafe-inline',
    },
    {
      // The HTML standard ignores frame-ancestors in <meta>; their merged policy keeps it.
      name: 'frame-ancestors in a <meta> policy does not stand in for X-Frame-Options',
      check: xFrameOptions,
      input: { ...csp("default-src 'self'"), html: metaCsp("frame-ancestors 'none'") },
      ours: 'x-frame-options-not-implemented',
      theirs: 'x-frame-options-implemented-via-csp',
    },
    {
      // RFC 6265bis §5.7 requires an explicit Path=/ on __Host- cookies; tough-cookie accepts the default path.
      name: 'a __Host- cookie without Path=/ is rejected',
      check: cookies,
      input: { headers: { 'set-cookie': '__Host-a=v; Secure' } },
      ours: 'cookies-not-found',
      theirs: 'cookies-secure-with-httponly-sessions',
    },
    {
      // Any page can send "Origin: null" from a sandboxed iframe; their probe only recognises its own origin.
      name: 'Access-Control-Allow-Origin null with credentials is universal access',
      check: cors,
      input: { headers: { 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' } },
      ours: 'cross-origin-resource-sharing-implemented-with-universal-access',
      theirs: 'cross-origin-resource-sharing-implemented-with-restricted-access',
    },
    {
      // A plain-HTTP hop after HTTPS can be hijacked; they only look at the first hop and the last.
      name: 'a chain that falls back to HTTP after HTTPS',
      check: httpRedirection,
      input: { httpRoute: ['http://mozilla.org/', 'https://mozilla.org/', 'http://www.mozilla.org/', 'https://www.mozilla.org/'] },
      ours: 'redirection-downgrade-in-chain',
      theirs: 'redirection-to-https',
    },
    {
      // Their "all redirects preloaded" and "hsts-preloaded" need the browsers' HSTS preload list, which we do not ship.
      name: 'cloudflare.com redirects (all on the preload list)',
      check: httpRedirection,
      input: { httpRoute: ['http://cloudflare.com/', 'https://cloudflare.com/', 'https://www.cloudflare.com/', 'https://baz.cloudflare.com/foo'] },
      ours: 'redirection-to-https',
      theirs: 'redirection-all-redirects-preloaded',
    },
  ];
  it.each(rows)('$name: ours $ours, theirs $theirs', ({ check, input, ours, theirs }) => {
    const outcome = check.run(build(input)).outcome;
    expect(outcome).toBe(ours);
    expect(outcome).not.toBe(theirs);
  });
});

describe('parity coverage', () => {
  it('re-states every Observatory case we agree with (preload-list cases are out of scope)', () => {
    expect(counted).toEqual({
      'content-security-policy': 74,
      'content-security-policy flags': 29,
      'x-frame-options': 8,
      'x-content-type-options': 5,
      'referrer-policy': 16,
      'strict-transport-security': 8,
      cookies: 14,
      cors: 4,
      'http-redirection': 8,
      'subresource-integrity': 14,
      'cross-origin-resource-policy': 6,
      'cross-origin-opener-policy': 14,
      'cross-origin-embedder-policy': 13,
    });
  });
});
