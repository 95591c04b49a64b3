// Text (HTML, CSS, JavaScript, JSON, SVG) shrinks by 60–80 % with gzip or Brotli, and every browser
// accepts both. A text response sent uncompressed wastes most of its transfer. Responses of 1 KB or less
// are left alone: compression gains little there (Lighthouse ignores those under 1.4 KB).
import { header, headerLine, mediaType } from '../../headers.js';
import type { Check, FetchedResponse } from '../../types.js';
import { listSome } from '../elements.js';
import { deliveredResponses, formatBytes, isSuccess } from './responses.js';

export const COMPRESSION_MIN_BYTES = 1024;

const ENCODINGS = new Set(['gzip', 'x-gzip', 'br', 'deflate', 'zstd']);

const REFERENCES = [
  'https://developer.chrome.com/docs/lighthouse/performance/uses-text-compression',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Encoding',
];

export function isCompressibleType(type: string): boolean {
  return (
    type.startsWith('text/') ||
    /javascript|ecmascript/.test(type) ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type.endsWith('+xml')
  );
}

export function isCompressed(res: FetchedResponse): boolean {
  const codings = (header(res, 'content-encoding') ?? '').toLowerCase().split(',').map((s) => s.trim());
  return codings.some((c) => ENCODINGS.has(c));
}

function encodingOf(res: FetchedResponse): string {
  const value = header(res, 'content-encoding');
  return value === undefined ? 'no Content-Encoding' : headerLine('Content-Encoding', value);
}

export const textCompression: Check = {
  id: 'text-compression',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Compression of text responses',
  run(artifacts) {
    const text = deliveredResponses(artifacts).filter((r) => isSuccess(r) && isCompressibleType(mediaType(r)));
    if (text.length === 0) return { findings: [], notApplicable: 'No text responses were fetched.' };
    const uncompressed = text.filter((r) => r.body.length > COMPRESSION_MIN_BYTES && !isCompressed(r));
    if (uncompressed.length === 0) return { outcome: 'text-compression-ok', findings: [] };
    const n = uncompressed.length;
    const bytes = uncompressed.reduce((sum, r) => sum + r.transferBytes, 0);
    return {
      outcome: 'text-compression-missing',
      findings: [
        {
          severity: 'medium',
          title: `${n} text response${n === 1 ? ' is' : 's are'} sent uncompressed (${formatBytes(bytes)})`,
          description: 'These responses are text that gzip or Brotli would shrink by about two thirds, but they travel uncompressed, so every visitor downloads several times the bytes needed.',
          evidence: listSome(uncompressed.map((r) => `${r.url} (${formatBytes(r.transferBytes)}, ${mediaType(r)}, ${encodingOf(r)})`)),
          location: { url: uncompressed[0]!.url, header: 'Content-Encoding' },
          remediation: 'Enable Brotli and gzip for text types in the web server or CDN (nginx `gzip on; gzip_types text/css application/javascript application/json image/svg+xml;`, or the CDN\'s compression setting), or precompress the built files.',
          references: REFERENCES,
        },
      ],
    };
  },
};
