// Shared by duplicate-titles and duplicate-descriptions: pages grouped by the same text.
import type { FindingDraft, Page, ScanArtifacts } from '../../types.js';
import { EVIDENCE_ITEMS, listSome, truncate } from '../elements.js';
import { indexablePages } from './page-signals.js';

/** Findings listed at most; a template bug can give every page the same text, one finding per group is enough. */
const MAX_GROUPS = 10;

export interface DuplicateSpec {
  read: (page: Page) => string | undefined;
  what: string;
  selector: string;
  severity: FindingDraft['severity'];
  description: string;
  remediation: string;
  references: string[];
}

export function duplicateGroups(artifacts: ScanArtifacts, read: (page: Page) => string | undefined): [string, Page[]][] {
  const groups = new Map<string, Page[]>();
  for (const page of indexablePages(artifacts.pages, artifacts.collectedAt)) {
    const text = read(page);
    if (text === undefined) continue;
    const key = text.toLowerCase();
    const list = groups.get(key) ?? [];
    if (!list.some((p) => p.response.url === page.response.url)) list.push(page);
    groups.set(key, list);
  }
  return [...groups.values()].filter((pages) => pages.length > 1).map((pages) => [read(pages[0]!)!, pages]);
}

export function duplicateFindings(artifacts: ScanArtifacts, s: DuplicateSpec): FindingDraft[] {
  return duplicateGroups(artifacts, s.read)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, MAX_GROUPS)
    .map(([text, pages]) => ({
      severity: s.severity,
      title: `${pages.length} pages share the ${s.what} "${truncate(text, 60)}"`,
      description: s.description,
      evidence: `${JSON.stringify(truncate(text, 100))} on ${listSome(pages.map((p) => p.response.url), '; ', EVIDENCE_ITEMS)}`,
      location: { url: pages[0]!.response.url, selector: s.selector },
      remediation: s.remediation,
      references: s.references,
    }));
}
