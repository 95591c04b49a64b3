// Every page should have its own title: search results show it as the headline, and identical titles make
// pages look like duplicates of each other (Google's title-link guidelines). Pages that are noindex or name
// another page as canonical are left out: they declare themselves copies.
import type { Check } from '../../types.js';
import { duplicateFindings } from './duplicate-text.js';
import { titleOf } from './page-signals.js';

export const duplicateTitles: Check = {
  id: 'duplicate-titles',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Duplicate titles across pages',
  run(artifacts) {
    if (artifacts.pages.length < 2) return { findings: [], notApplicable: 'Only one page was scanned.' };
    const findings = duplicateFindings(artifacts, {
      read: titleOf,
      what: 'title',
      selector: 'head > title',
      severity: 'low',
      description: 'Several indexable pages have the same <title>. Searchers cannot tell them apart in results, and search engines may treat them as duplicates and show only one.',
      remediation: 'Give each page a title that says what is specific to it (e.g. "Pricing — Acme" rather than "Acme"); check the template that sets the title.',
      references: ['https://developers.google.com/search/docs/appearance/title-link', 'https://developer.chrome.com/docs/lighthouse/seo/document-title'],
    });
    return { outcome: findings.length > 0 ? 'duplicate-titles-found' : 'duplicate-titles-none', findings };
  },
};
