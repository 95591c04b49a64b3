// Images heavier than they need to be: a photo for the web is rarely above a few hundred kilobytes once
// resized and encoded as WebP or AVIF. Over 500 kB is worth fixing; over 1.5 MB it dominates the page's load
// on mobile networks (web.dev, "Optimize your images"). Sizes are bytes on the wire; a body cut by the read
// cap is measured by its Content-Length.
import { header } from '../../headers.js';
import type { Check, FetchedResponse } from '../../types.js';
import { listSome } from '../elements.js';
import { assetKind, formatBytes, isSuccess } from './responses.js';
import { everyResponse } from './site-responses.js';

export const IMAGE_LARGE_BYTES = 500_000;
export const IMAGE_HUGE_BYTES = 1_500_000;

export function wireSize(res: FetchedResponse): number {
  const declared = Number(header(res, 'content-length'));
  return res.truncated && Number.isFinite(declared) && declared > res.transferBytes ? declared : res.transferBytes;
}

export const oversizedImages: Check = {
  id: 'oversized-images',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Oversized images',
  run(artifacts) {
    const images = everyResponse(artifacts).filter((r) => isSuccess(r) && assetKind(r) === 'image');
    if (images.length === 0) return { findings: [], notApplicable: 'No same-origin images were fetched.' };
    const large = images.filter((r) => wireSize(r) > IMAGE_LARGE_BYTES).sort((a, b) => wireSize(b) - wireSize(a));
    if (large.length === 0) return { outcome: 'oversized-images-none', findings: [] };
    const huge = wireSize(large[0]!) > IMAGE_HUGE_BYTES;
    return {
      outcome: huge ? 'oversized-images-huge' : 'oversized-images-large',
      findings: [
        {
          severity: huge ? 'medium' : 'low',
          title: `${large.length} image${large.length === 1 ? ' is' : 's are'} over ${formatBytes(IMAGE_LARGE_BYTES)}`,
          description: 'Large images are usually the heaviest part of a page: they delay its largest paint and cost visitors data. Resized to their display size and encoded as WebP or AVIF they typically shrink by 50–90 %.',
          evidence: listSome(large.map((r) => `${r.url} (${formatBytes(wireSize(r))})`)),
          location: { url: large[0]!.url },
          remediation: 'Resize images to the largest size they are displayed at, serve WebP or AVIF (with `<picture>` or an image CDN), and use `srcset` so small screens get small files.',
          references: ['https://web.dev/learn/performance/image-performance', 'https://developer.chrome.com/docs/lighthouse/performance/uses-optimized-images'],
        },
      ],
    };
  },
};
