// Compression of text across the crawled site: the other pages and their assets, by the rule of
// text-compression (which judges the target page and its own assets).
import { mediaType } from '../../headers.js';
import type { Check } from '../../types.js';
import { listSome } from '../elements.js';
import { formatBytes, isSuccess } from './responses.js';
import { beyondTargetPage } from './site-responses.js';
import { COMPRESSION_MIN_BYTES, isCompressed, isCompressibleType } from './text-compression.js';

export const siteTextCompression: Check = {
  id: 'site-text-compression',
  category: 'traffic',
  depth: 'STANDARD',
  title: 'Compression of text across the site',
  run(artifacts) {
    const text = beyondTargetPage(artifacts).filter((r) => isSuccess(r) && isCompressibleType(mediaType(r)));
    if (text.length === 0) return { findings: [], notApplicable: 'No text responses beyond the target page were fetched.' };
    const uncompressed = text.filter((r) => r.body.length > COMPRESSION_MIN_BYTES && !isCompressed(r));
    if (uncompressed.length === 0) return { outcome: 'site-text-compression-ok', findings: [] };
    const bytes = uncompressed.reduce((sum, r) => sum + r.transferBytes, 0);
    return {
      outcome: 'site-text-compression-missing',
      findings: [
        {
          severity: 'medium',
          title: `${uncompressed.length} more text response${uncompressed.length === 1 ? ' is' : 's are'} sent uncompressed (${formatBytes(bytes)})`,
          description: 'Pages and assets elsewhere on the site travel without gzip or Brotli, so visitors download about three times the bytes needed.',
          evidence: listSome(uncompressed.map((r) => `${r.url} (${formatBytes(r.transferBytes)}, ${mediaType(r)})`)),
          location: { url: uncompressed[0]!.url, header: 'Content-Encoding' },
          remediation: 'Enable Brotli and gzip for every text type at the server or CDN, for all paths (not only the home page\'s).',
          references: ['https://developer.chrome.com/docs/lighthouse/performance/uses-text-compression'],
        },
      ],
    };
  },
};
