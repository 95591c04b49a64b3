// Every traffic check, in the order they appear in reports.
import type { Check } from '../../types.js';
import { cacheHeaders } from './cache-headers.js';
import { http2 } from './http2.js';
import { http3 } from './http3.js';
import { oversizedImages } from './oversized-images.js';
import { pageWeight } from './page-weight.js';
import { redirectChain } from './redirect-chain.js';
import { renderBlockingScripts } from './render-blocking-scripts.js';
import { serverErrors } from './server-errors.js';
import { siteCacheHeaders } from './site-cache-headers.js';
import { siteTextCompression } from './site-text-compression.js';
import { textCompression } from './text-compression.js';
import { timeToFirstByte } from './time-to-first-byte.js';

// In the order a visit meets them: getting to the page, the server's answer, then what it downloads; the
// site-wide checks of the crawl last.
export const trafficChecks: Check[] = [
  redirectChain,
  timeToFirstByte,
  http2,
  http3,
  textCompression,
  pageWeight,
  cacheHeaders,
  renderBlockingScripts,
  oversizedImages,
  serverErrors,
  siteCacheHeaders,
  siteTextCompression,
];
