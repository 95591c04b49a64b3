import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, reportTitle, writeReportFile } from '../../../runner/src/report/index.js';
import type { Finding, ScanResult } from '../../../runner/src/scanner/types.js';
import { parsePdf } from '../../support/pdf.js';
import type { ParsedPdf } from '../../support/pdf.js';
import { findings, scanResult } from '../../support/scan-result.js';

const createdAt = new Date('2025-11-29T19:00:00Z');

async function render(result: ScanResult): Promise<{ pdf: Buffer; parsed: ParsedPdf }> {
  const pdf = await renderReport(result, { createdAt });
  return { pdf, parsed: await parsePdf(pdf) };
}

/** pdf.js puts a line break between text runs: compare text with all whitespace folded. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function expectNumberedPages(parsed: ParsedPdf): void {
  const total = parsed.pages.length;
  expect(parsed.pages[0]).not.toMatch(/Page \d+ of \d+/);
  parsed.pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} of ${total}`));
}

describe('renderReport with five findings', () => {
  let result: ScanResult;
  let pdf: Buffer;
  let parsed: ParsedPdf;
  beforeAll(async () => {
    result = scanResult();
    ({ pdf, parsed } = await render(result));
  });

  it('makes a PDF whose title names the domain', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(parsed.info.Title).toBe('Security Report — example.com');
    expect(reportTitle(result)).toBe('Security Report — example.com');
  });

  it('shows the domain, the grade and the overall score on the cover', () => {
    const cover = parsed.pages[0]!;
    expect(cover).toContain('example.com');
    expect(cover.split(/\s+/)).toContain(result.grade);
    expect(cover).toContain(String(result.overallScore));
    for (const name of ['Security', 'SEO', 'Traffic & delivery']) expect(cover).toContain(name);
    expect(cover).toContain('STANDARD');
  });

  it('numbers every page after the cover as "Page N of M" under a running header', () => {
    expectNumberedPages(parsed);
    for (const page of parsed.pages.slice(1)) expect(page).toContain(`Grade ${result.grade}`);
  });

  it('keeps the summary on page 2 with the counts and the most important fixes', () => {
    const summary = flat(parsed.pages[1]!);
    expect(summary).toContain('Most important fixes');
    expect(summary).toContain('No Content-Security-Policy header');
    expect(summary).toContain('Images without alt text');
    expect(summary).toContain('2 places');
    expect(flat(parsed.pages[2]!)).toContain('Findings');
  });

  it('prints every finding with its title, location, evidence, remediation and references', () => {
    const text = flat(parsed.text);
    for (const f of result.findings) {
      expect(text).toContain(f.title);
      expect(text).toContain(f.location.url);
      expect(text).toContain(f.evidence);
      expect(text).toContain(f.references[0]!);
    }
    expect(text).toContain('Add <meta name="description" content="…"> with 120–160 characters describing the page.');
  });

  it('lists every check with its outcome, the pages scanned and the scoring version in the appendix', () => {
    const appendix = flat(parsed.pages.slice(parsed.pages.findIndex((p) => p.includes('Appendix'))).join('\n'));
    for (const c of result.checks) expect(appendix).toContain(c.id);
    for (const url of result.pages) expect(appendix).toContain(url);
    expect(appendix).toMatch(/Scoring version 1\.0/);
    expect(appendix).toContain('sitemap.xml answered 503 Service Unavailable three times.');
    for (const outcome of ['PASS', 'FAIL', 'ERROR', 'N/A']) expect(appendix).toContain(outcome);
  });
});

describe('renderReport with no findings', () => {
  it('says there is nothing to fix and goes from the summary straight to the appendix', async () => {
    const result = scanResult({ findings: [] });
    const { parsed } = await render(result);
    expect(result.grade).toBe('A+');
    expect(parsed.pages.length).toBe(4);
    expect(parsed.pages[0]).toContain('No findings.');
    expect(flat(parsed.pages[1]!)).toContain('Nothing to fix: the scan found no problems.');
    expect(parsed.pages[2]).toContain('Appendix');
    expect(parsed.text).not.toContain('grouped by category');
    expectNumberedPages(parsed);
  });
});

describe('renderReport with 300 findings', () => {
  let result: ScanResult;
  let parsed: ParsedPdf;
  beforeAll(async () => {
    result = scanResult({ findings: findings(300) });
    ({ parsed } = await render(result));
  });

  it('prints all 300 titles', () => {
    const text = flat(parsed.text);
    expect(new Set(result.findings.map((f) => f.title)).size).toBe(300);
    const missing = result.findings.filter((f) => !text.includes(f.title));
    expect(missing.map((f) => f.title)).toEqual([]);
  });

  it('takes a sane number of numbered pages', () => {
    expect(parsed.pages.length).toBeGreaterThan(30);
    expect(parsed.pages.length).toBeLessThan(150);
    expectNumberedPages(parsed);
  });

  it('keeps each finding whole on one page: its heading is never left alone at the foot of a page', () => {
    for (const f of result.findings) {
      // The heading line is the severity tag then the title.
      const heading = ` ${f.title}\n`;
      const page = parsed.pages.find((p) => p.includes(heading));
      expect(page, f.title).toBeDefined();
      const after = flat(page!.slice(page!.indexOf(heading)));
      expect(after, f.title).toContain('HOW TO FIX');
      expect(after, f.title).toContain(f.references.at(-1)!);
    }
  });

  it('orders the findings of a category from most to least severe', () => {
    const pages = parsed.pages.slice(2, parsed.pages.findIndex((p) => p.includes('Appendix')));
    const text = flat(pages.join('\n'));
    const at = (title: string) => text.indexOf(title);
    // security: the expired certificate (critical) before the missing CSP (high) before HSTS (medium) before version disclosure (low)
    expect(at('The TLS certificate has expired (28)')).toBeLessThan(at('No Content-Security-Policy header '));
    expect(at('No Content-Security-Policy header (28)')).toBeLessThan(at('Strict-Transport-Security max-age is shorter than six months '));
    expect(at('X-Content-Type-Options header is missing (28)')).toBeLessThan(at('The server announces its software version '));
    // categories in their fixed order
    expect(at('The server announces its software version (28)')).toBeLessThan(at('The page has no meta description '));
    expect(at('No canonical link (28)')).toBeLessThan(at('Text responses are sent uncompressed '));
  });
});

describe('renderReport and domain names outside ASCII', () => {
  it.each([
    ['пример.испытание', 'xn--e1afmkfd.xn--80akhbyknj4f'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['παράδειγμα.δοκιμή', 'xn--hxajbheg2az3al.xn--jxalpdlp'],
  ])('prints %s as itself and as %s, whichever form the scan gives', async (unicode, ascii) => {
    for (const domain of [unicode, ascii]) {
      const { parsed } = await render(scanResult({ url: `https://${ascii}/`, domain }));
      expect(parsed.info.Title).toBe(`Security Report — ${unicode}`);
      expect(parsed.pages[0]).toContain(unicode);
      expect(parsed.pages[0]).toContain(ascii);
      expect(parsed.pages[1]).toContain(`Security Report — ${unicode}`);
    }
  });
});

describe('renderReport and oversized content', () => {
  it('lets a finding taller than a page flow on, starting on the page of its heading', async () => {
    const base = scanResult().findings[0]!;
    const finding: Finding = { ...base, description: 'Long description. '.repeat(300) };
    const { parsed } = await render(scanResult({ findings: [finding] }));
    const page = parsed.pages.slice(2).find((p) => p.includes(finding.title))!;
    expect(page).toContain('Long description.');
    expect(flat(parsed.text).split('Long description.').length - 1).toBe(300);
  });

  it('keeps the cover to one page for a 253-character domain and a very long URL', async () => {
    const domain = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.');
    const { parsed } = await render(scanResult({ url: `https://example.com/${'p'.repeat(2000)}`, domain }));
    expect(domain).toHaveLength(253);
    expect(parsed.pages[1]).toContain('Summary');
    expect(parsed.pages[1]).toContain('Page 2 of');
    // The appendix prints the domain in full.
    expect(flat(parsed.text).replace(/\s/g, '')).toContain(domain);
  });
});

describe('renderReport and long evidence', () => {
  it('cuts 20,000 characters without spaces after twelve lines with a mark saying how much is hidden', async () => {
    const base = scanResult().findings[0]!;
    const finding: Finding = { ...base, evidence: 'A'.repeat(20_000) };
    const { parsed } = await render(scanResult({ findings: [finding] }));
    const shown = (parsed.text.match(/A{20,}/g) ?? []).map((run) => run.length);
    expect(shown).toHaveLength(12);
    const hidden = Number(/\[… cut: ([\d,]+) more characters not shown\]/.exec(parsed.text)![1]!.replace(/,/g, ''));
    expect(hidden + shown.reduce((a, b) => a + b, 0)).toBe(20_000);
    // Every line fits the evidence box (the content width, 106 monospace characters at 7.5 pt).
    expect(Math.max(...shown)).toBeLessThanOrEqual(106);
    expect(parsed.pages.length).toBe(5);
  });
});

describe('renderReport is deterministic', () => {
  it('renders the same scan and creation date to the same bytes', async () => {
    const result = scanResult({ findings: findings(40) });
    const a = await renderReport(result, { createdAt });
    const b = await renderReport(structuredClone(result), { createdAt });
    expect(a.equals(b)).toBe(true);
  });

  it('stores the creation date as the PDF creation and modification dates', async () => {
    const result = scanResult();
    const later = new Date('2026-01-02T03:04:05Z');
    const a = await renderReport(result, { createdAt });
    const b = await renderReport(result, { createdAt: later });
    const parsed = await parsePdf(b);
    expect(parsed.info.CreationDate).toBe('D:20260102030405Z');
    expect(parsed.info.ModDate).toBe('D:20260102030405Z');
    expect(a.equals(b)).toBe(false);
  });
});

describe('writeReportFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'issafesite-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the rendered report to the path and returns its size', async () => {
    const result = scanResult();
    const file = path.join(dir, 'report.pdf');
    const size = await writeReportFile(result, file, { createdAt });
    const written = readFileSync(file);
    expect(written.length).toBe(size);
    expect(written.equals(await renderReport(result, { createdAt }))).toBe(true);
  });
});
