// Content-Security-Policy limits where scripts, styles, plugins and frames may come from, which turns
// most cross-site scripting into a blocked request. Verdicts follow the MDN HTTP Observatory; the
// parsing and analysis live in ../../security/csp.ts.
import { headerLine } from '../../headers.js';
import { analyzeCsp, type CspAnalysis, type CspOutcome } from '../../security/csp.js';
import type { Check, FindingDraft, Severity } from '../../types.js';

const HEADER = 'Content-Security-Policy';
const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CSP',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy',
];
const STRICT_POLICY = "Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const NONCE_POLICY = "Content-Security-Policy: script-src 'nonce-{random}' 'strict-dynamic'; object-src 'none'; base-uri 'none'";

interface Verdict {
  severity: Severity;
  title: string;
  description: (a: CspAnalysis) => string;
  remediation: string;
}

// Severity from the Observatory's score modifier: -25 → high, -20/-10 → medium, 0 → info.
const VERDICTS: Partial<Record<CspOutcome, Verdict>> = {
  'csp-not-implemented': {
    severity: 'high',
    title: 'Content-Security-Policy header is missing',
    description: () => 'No Content-Security-Policy is enforced, so any script injected into the page (cross-site scripting) runs with full access to it.',
    remediation: `Send a policy, for example \`${STRICT_POLICY}\`, then loosen it only where the site needs to.`,
  },
  'csp-not-implemented-but-reporting-enabled': {
    severity: 'high',
    title: 'Content-Security-Policy is only report-only',
    description: () => 'Content-Security-Policy-Report-Only reports violations but blocks nothing; no policy is enforced.',
    remediation: 'Once the reports are clean, send the same policy as `Content-Security-Policy` (keep report-only for trying stricter versions).',
  },
  'csp-header-invalid': {
    severity: 'high',
    title: 'Content-Security-Policy cannot be parsed',
    description: (a) => `The policy is invalid (${a.invalidReason ?? 'unparseable'}), so browsers may enforce less than intended.`,
    remediation: `Fix the policy (one directive of each name, at least one directive, a nonce or hash next to 'strict-dynamic'), for example \`${STRICT_POLICY}\`.`,
  },
  'csp-implemented-with-unsafe-inline': {
    severity: 'medium',
    title: 'Content-Security-Policy allows unsafe script sources',
    description: (a) => `The policy does not stop injected script: ${a.scriptProblems.join('; ')}.`,
    remediation: `Remove 'unsafe-inline', data: and broad sources (*, https:) from script-src, set object-src 'none', or use nonces: \`${NONCE_POLICY}\`.`,
  },
  'csp-implemented-with-insecure-scheme': {
    severity: 'medium',
    title: 'Content-Security-Policy allows resources over plain HTTP',
    description: () => 'The policy of this HTTPS page lists http: (or ftp:) sources for active content, which an attacker on the network can replace.',
    remediation: 'Change every http:// source in the policy to https:// (and load those resources over HTTPS).',
  },
  'csp-implemented-with-unsafe-eval': {
    severity: 'medium',
    title: "Content-Security-Policy allows 'unsafe-eval'",
    description: () => "'unsafe-eval' lets strings become code through eval(), new Function() and string timers, a common path from injection to execution.",
    remediation: "Stop using eval() and its relatives in the site's scripts, then remove 'unsafe-eval' from script-src and style-src.",
  },
  'csp-implemented-with-insecure-scheme-in-passive-content-only': {
    severity: 'medium',
    title: 'Content-Security-Policy allows images or media over plain HTTP',
    description: () => 'img-src or media-src (or default-src) lists http: sources on an HTTPS page, so a network attacker can swap those images or media.',
    remediation: 'Change the http:// sources in img-src and media-src to https://.',
  },
  'csp-implemented-with-unsafe-inline-in-style-src-only': {
    severity: 'info',
    title: 'Content-Security-Policy allows unsafe style sources',
    description: () => "style-src allows 'unsafe-inline', data: or broad sources; injected styles can still deface the page or leak data through CSS selectors.",
    remediation: "Move inline styles to stylesheets (or use nonces or hashes) and remove 'unsafe-inline', data: and broad sources from style-src.",
  },
  'csp-implemented-but-duplicate-directives': {
    severity: 'info',
    title: 'Content-Security-Policy repeats a reporting directive',
    description: () => 'report-uri or report-to appears twice in one policy; browsers use the first and ignore the rest.',
    remediation: 'Keep one report-uri (or report-to) directive per policy.',
  },
};

function evidence(a: CspAnalysis): string {
  const lines = a.headerValues.map((v) => headerLine(HEADER, v));
  lines.push(...a.metaValues.map((v) => `<meta http-equiv="${HEADER}" content="${v}">`));
  if (lines.length === 0 && a.reportOnlyValue !== undefined) lines.push(headerLine('Content-Security-Policy-Report-Only', a.reportOnlyValue));
  return lines.length === 0 ? 'No Content-Security-Policy header or <meta http-equiv> on the page.' : lines.join('\n');
}

export const contentSecurityPolicy: Check = {
  id: 'content-security-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Content-Security-Policy',
  run({ page }) {
    const a = analyzeCsp(page);
    const url = page.response.url;
    const findings: FindingDraft[] = [];
    const verdict = VERDICTS[a.outcome];
    const proof = evidence(a);
    if (verdict !== undefined) {
      findings.push({
        severity: verdict.severity,
        title: verdict.title,
        description: verdict.description(a),
        evidence: proof,
        location: { url, header: HEADER },
        remediation: verdict.remediation,
        references: REFERENCES,
      });
    }
    // What the Observatory records but does not score; SPEC §5 asks for base-uri and frame-ancestors.
    const flags = a.flags;
    if (flags !== undefined) {
      if (flags.insecureBaseUri) {
        findings.push({
          severity: 'low',
          title: 'Content-Security-Policy does not restrict base-uri',
          description: 'Without base-uri, injected markup can add a <base> element and make every relative script URL load from another host, even past nonces.',
          evidence: proof,
          location: { url, header: HEADER },
          remediation: "Add `base-uri 'none'` (or `base-uri 'self'` when the site uses <base>) to the policy.",
          references: REFERENCES,
        });
      }
      if (a.frameAncestors === null) {
        findings.push({
          severity: 'info',
          title: 'Content-Security-Policy does not set frame-ancestors',
          description: 'frame-ancestors (sent as a header; it is ignored in <meta>) is the modern way to say who may frame the page; X-Frame-Options is its older stand-in.',
          evidence: proof,
          location: { url, header: HEADER },
          remediation: "Add `frame-ancestors 'none'` (or `'self'`) to the Content-Security-Policy header.",
          references: REFERENCES,
        });
      }
      if (flags.insecureFormAction) {
        findings.push({
          severity: 'info',
          title: 'Content-Security-Policy does not restrict form-action',
          description: 'form-action does not fall back to default-src: injected forms can post what users type to any host.',
          evidence: proof,
          location: { url, header: HEADER },
          remediation: "Add `form-action 'self'` (plus any other host the site's forms post to).",
          references: REFERENCES,
        });
      }
    }
    return { outcome: a.outcome, findings };
  },
};
