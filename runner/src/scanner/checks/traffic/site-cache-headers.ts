// The caching of static assets across the crawled site, by the rules of cache-headers (which judges the
// target page's own assets): a freshness lifetime for every asset, a long one for fingerprinted files.
import type { Check, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';
import { cacheEvidence, cachingProblems } from './cache-control.js';
import { assetKind, isSuccess } from './responses.js';
import { beyondTargetPage } from './site-responses.js';

const REFERENCES = ['https://web.dev/articles/http-cache', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cache-Control'];

export const siteCacheHeaders: Check = {
  id: 'site-cache-headers',
  category: 'traffic',
  depth: 'STANDARD',
  title: 'Caching of static assets across the site',
  run(artifacts) {
    const assets = beyondTargetPage(artifacts).filter((r) => isSuccess(r) && assetKind(r) !== undefined);
    if (assets.length === 0) return { findings: [], notApplicable: 'The other crawled pages load no static assets beyond those of the target page.' };
    const { uncached, shortLived } = cachingProblems(assets, artifacts.collectedAt);
    const findings: FindingDraft[] = [];
    if (uncached.length > 0) {
      findings.push({
        severity: 'low',
        title: `${uncached.length} more static asset${uncached.length === 1 ? ' has' : 's have'} no caching policy`,
        description: 'Assets loaded by other pages of the site have no freshness lifetime (or `no-store`), so browsers fetch or revalidate them on every view.',
        evidence: listSome(uncached.map(cacheEvidence)),
        location: { url: uncached[0]!.url, header: 'Cache-Control' },
        remediation: 'Set Cache-Control for static files at the server or CDN for the whole asset path (e.g. `/assets/*`): `public, max-age=31536000, immutable` for hashed file names, a shorter max-age for the rest.',
        references: REFERENCES,
      });
    }
    if (shortLived.length > 0) {
      findings.push({
        severity: 'low',
        title: `${shortLived.length} more fingerprinted asset${shortLived.length === 1 ? ' expires' : 's expire'} within a day`,
        description: 'These URLs carry a content hash or version and never change, yet they are cached for less than a day.',
        evidence: listSome(shortLived.map(cacheEvidence)),
        location: { url: shortLived[0]!.url, header: 'Cache-Control' },
        remediation: 'Serve fingerprinted files with `Cache-Control: public, max-age=31536000, immutable`.',
        references: REFERENCES,
      });
    }
    return { outcome: findings.length > 0 ? 'site-cache-headers-problems' : 'site-cache-headers-ok', findings };
  },
};
