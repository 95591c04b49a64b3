// Meta descriptions feed the snippet under a search result; the same description on many pages makes
// Google ignore it and write its own (Google's snippet guidelines: "make sure every page has a unique
// description"). Pages that are noindex or canonicalised elsewhere are left out.
import type { Check } from '../../types.js';
import { duplicateFindings } from './duplicate-text.js';
import { descriptionOf } from './page-signals.js';

export const duplicateDescriptions: Check = {
  id: 'duplicate-descriptions',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Duplicate meta descriptions across pages',
  run(artifacts) {
    if (artifacts.pages.length < 2) return { findings: [], notApplicable: 'Only one page was scanned.' };
    const findings = duplicateFindings(artifacts, {
      read: descriptionOf,
      what: 'meta description',
      selector: 'head > meta[name="description"]',
      severity: 'low',
      description: 'Several indexable pages have the same meta description, so search engines treat it as boilerplate and generate snippets themselves.',
      remediation: 'Write a description for each page that summarises its own content, or leave the tag out on pages where you cannot (better than a copy).',
      references: ['https://developers.google.com/search/docs/appearance/snippet#meta-descriptions'],
    });
    return { outcome: findings.length > 0 ? 'duplicate-descriptions-found' : 'duplicate-descriptions-none', findings };
  },
};
