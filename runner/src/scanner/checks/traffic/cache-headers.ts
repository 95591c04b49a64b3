// Static assets (scripts, stylesheets, images, fonts) are the same on every visit; without a freshness
// lifetime the browser downloads or revalidates them on each page view. Files whose URL carries a content
// hash never change under that URL, so they should be cached for a year (Cache-Control: max-age=31536000,
// immutable); a lifetime under a day for them throws away the point of fingerprinting.
import type { Check, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';
import { FINGERPRINTED_MIN_SECONDS, cacheEvidence, cachingProblems } from './cache-control.js';
import { assetKind, deliveredResponses, isSuccess } from './responses.js';

export { FINGERPRINTED_MIN_SECONDS };

const REFERENCES = [
  'https://web.dev/articles/http-cache',
  'https://developer.chrome.com/docs/lighthouse/performance/uses-long-cache-ttl',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cache-Control',
];

export const cacheHeaders: Check = {
  id: 'cache-headers',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Caching of static assets',
  run(artifacts) {
    const assets = deliveredResponses(artifacts).filter((r) => r !== artifacts.page.response && isSuccess(r) && assetKind(r) !== undefined);
    if (assets.length === 0) return { findings: [], notApplicable: 'No static assets (scripts, stylesheets, images, fonts) were fetched.' };
    const { uncached, shortLived } = cachingProblems(assets, artifacts.collectedAt);
    const findings: FindingDraft[] = [];
    if (uncached.length > 0) {
      const n = uncached.length;
      findings.push({
        severity: 'low',
        title: `${n} static asset${n === 1 ? ' has' : 's have'} no caching policy`,
        description: 'Without a freshness lifetime (or with `no-store`), browsers download or revalidate these files on every page view, which slows repeat visits and navigation within the site.',
        evidence: listSome(uncached.map(cacheEvidence)),
        location: { url: uncached[0]!.url, header: 'Cache-Control' },
        remediation: 'Send `Cache-Control: public, max-age=31536000, immutable` for files with a content hash in their name; for the others a shorter `max-age` (e.g. `max-age=3600`) with an ETag. Reserve `no-store` for private, per-user responses.',
        references: REFERENCES,
      });
    }
    if (shortLived.length > 0) {
      const n = shortLived.length;
      findings.push({
        severity: 'low',
        title: `${n} fingerprinted asset${n === 1 ? ' expires' : 's expire'} within a day`,
        description: 'These URLs carry a content hash or version, so their content never changes under the same URL, yet browsers must fetch or revalidate them again within a day.',
        evidence: listSome(shortLived.map(cacheEvidence)),
        location: { url: shortLived[0]!.url, header: 'Cache-Control' },
        remediation: 'Serve fingerprinted files with `Cache-Control: public, max-age=31536000, immutable` (one year).',
        references: REFERENCES,
      });
    }
    const outcome = uncached.length > 0 ? 'cache-headers-missing' : shortLived.length > 0 ? 'cache-headers-short' : 'cache-headers-ok';
    return { outcome, findings };
  },
};
