// security.txt (RFC 9116) tells researchers how to report a vulnerability. The RFC requires, at
// /.well-known/security.txt over HTTPS as text/plain, at least one Contact (a URI: mailto:, https: or tel:)
// and exactly one Expires (an RFC 3339 date), and recommends an Expires less than a year ahead. A missing
// file is a note; a file that is invalid or expired misleads the people it is meant for, so it is a finding.
import { bodyText } from '../../collect/page.js';
import { mediaType } from '../../headers.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FetchedResponse, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';

const REFERENCES = ['https://www.rfc-editor.org/rfc/rfc9116', 'https://securitytxt.org/'];
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface SecurityTxtField {
  name: string;
  value: string;
  line: number;
}

/** Field lines of a security.txt, comments and an OpenPGP cleartext signature's armour left out. */
export function parseSecurityTxt(text: string): SecurityTxtField[] {
  const fields: SecurityTxtField[] = [];
  let inSignature = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('-----BEGIN PGP SIGNATURE')) inSignature = true;
    if (inSignature || line.startsWith('-----') || line.startsWith('#') || line === '' || /^Hash:/i.test(line)) {
      if (line.startsWith('-----END PGP SIGNATURE')) inSignature = false;
      return;
    }
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) fields.push({ name: m[1]!.toLowerCase(), value: m[2]!.trim(), line: i + 1 });
  });
  return fields;
}

function usable(res: FetchedResponse): boolean {
  return res.status === 200 && mediaType(res) !== 'text/html';
}

export const securityTxt: Check = {
  id: 'security-txt',
  category: 'security',
  depth: 'STANDARD',
  title: 'security.txt',
  run({ securityTxt: fetched, page, collectedAt }) {
    if (fetched === undefined) return { findings: [], notApplicable: 'security.txt was not requested.' };
    const answered = fetched.filter((r): r is FetchedResponse => !isFetchFailure(r));
    const file = answered.find(usable);
    const wellKnown = new URL('/.well-known/security.txt', page.response.url).href;
    if (file === undefined) {
      return {
        outcome: 'security-txt-missing',
        findings: [
          {
            severity: 'info',
            title: 'The site publishes no security.txt',
            description: 'Without /.well-known/security.txt, someone who finds a vulnerability has no published way to report it and may give up or disclose it publicly.',
            evidence: answered.length > 0 ? answered.map((r) => `GET ${r.requestedUrl} → ${r.status}${mediaType(r) ? ` (${mediaType(r)})` : ''}`).join('; ') : `GET ${wellKnown} got no answer`,
            location: { url: wellKnown },
            remediation: 'Publish /.well-known/security.txt with at least `Contact: mailto:security@…` and `Expires: <a date within a year>` (securitytxt.org generates one).',
            references: REFERENCES,
          },
        ],
      };
    }
    const fields = parseSecurityTxt(bodyText(file));
    const findings: FindingDraft[] = [];
    const problem = (severity: FindingDraft['severity'], title: string, description: string, evidence: string, remediation: string): void => {
      findings.push({ severity, title, description, evidence, location: { url: file.url }, remediation, references: REFERENCES });
    };
    const contacts = fields.filter((f) => f.name === 'contact');
    if (contacts.length === 0) {
      problem('low', 'security.txt has no Contact field', 'Contact is the one field the file exists for (RFC 9116 §2.5.3, required): without it nobody knows where to report.', `${file.url}: fields ${listSome(fields.map((f) => f.name), ', ') || '(none)'}`, 'Add `Contact: mailto:security@example.com` (or an https: form) to security.txt.');
    }
    const badContacts = contacts.filter((c) => !/^(?:mailto:|https:|tel:)/i.test(c.value));
    if (badContacts.length > 0) {
      problem('low', 'A security.txt Contact is not a URI', 'Contact values must be URIs (mailto:, https: or tel:); a bare address is not understood by tools that read the file.', listSome(badContacts.map((c) => `line ${c.line}: Contact: ${c.value}`)), 'Write contacts as URIs, e.g. `Contact: mailto:security@example.com`.');
    }
    const expires = fields.filter((f) => f.name === 'expires');
    if (expires.length !== 1) {
      problem('low', expires.length === 0 ? 'security.txt has no Expires field' : 'security.txt has several Expires fields', 'RFC 9116 §2.5.5 requires exactly one Expires field, so readers know whether the information is current.', `${file.url}: ${expires.length} Expires field(s)`, 'Add one `Expires:` line with a date less than a year ahead, e.g. `Expires: 2027-01-31T23:00:00.000Z`, and renew it before it passes.');
    } else {
      const when = Date.parse(expires[0]!.value);
      const line = `Expires: ${expires[0]!.value}`;
      if (Number.isNaN(when)) problem('low', 'The security.txt Expires date cannot be read', 'Expires must be a date in RFC 3339 format; an unreadable date makes the file count as expired.', line, 'Write the date like `2027-01-31T23:00:00.000Z`.');
      else if (when <= collectedAt) problem('low', 'security.txt has expired', 'Past its Expires date the file must be treated as stale (RFC 9116 §2.5.5): reporters cannot trust the contact in it.', `${line} (scan date ${new Date(collectedAt).toISOString().slice(0, 10)})`, 'Check the contacts and set Expires to a new date less than a year ahead; renew it on a schedule.');
      else if (when - collectedAt > YEAR_MS) problem('info', 'The security.txt Expires date is more than a year ahead', 'RFC 9116 recommends an Expires less than a year ahead, so that stale files expire.', line, 'Set Expires to a date within the next year and renew it regularly.');
    }
    if (mediaType(file) !== 'text/plain') {
      problem('low', 'security.txt is not served as text/plain', 'RFC 9116 §3 requires `Content-Type: text/plain` (with charset=utf-8); tools may ignore the file otherwise.', `GET ${file.url} → Content-Type: ${mediaType(file) || '(none)'}`, 'Serve the file with `Content-Type: text/plain; charset=utf-8`.');
    }
    if (new URL(file.url).protocol !== 'https:' && new URL(page.response.url).protocol === 'https:') {
      problem('low', 'security.txt is served over plain HTTP', 'RFC 9116 §3 requires HTTPS, so that the contact information cannot be altered in transit.', file.url, 'Serve /.well-known/security.txt over HTTPS.');
    }
    if (file.url !== wellKnown && file.requestedUrl !== wellKnown) {
      problem('info', 'security.txt is only at the legacy location', 'The file was found at /security.txt; the standard location is /.well-known/security.txt, which clients try first.', `GET ${file.requestedUrl} → 200`, 'Serve the file (or a redirect to it) at /.well-known/security.txt.');
    }
    return { outcome: findings.some((f) => f.severity !== 'info') ? 'security-txt-invalid' : 'security-txt-valid', findings };
  },
};
