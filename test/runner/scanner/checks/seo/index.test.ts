import { seoChecks } from '../../../../../runner/src/scanner/checks/seo/index.js';
import { describeCategoryRegistry } from '../../../../support/check-registry.js';

describeCategoryRegistry(
  'seo',
  seoChecks,
  new Set(['broken-links', 'duplicate-titles', 'duplicate-descriptions', 'sitemap-validity', 'canonical-consistency', 'hreflang', 'noindex-pages']),
);
