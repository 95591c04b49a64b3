// One page: how many findings of each severity, how the checks went, and the five fixes that matter most.
import type { ScanResult } from '../scanner/types.js';
import { CATEGORIES, SEVERITIES } from '../scanner/types.js';
import { CATEGORY_NAME, categoryScore } from './categories.js';
import { formatCount, oneLine, plain, plural } from './format.js';
import { BOTTOM, LEFT, RIGHT, clamp, label, rule, sectionTitle, tag, tagHeight, use } from './layout.js';
import type { Doc } from './layout.js';
import { countBySeverity, topFixes } from './order.js';
import { CONTENT_WIDTH, FONT, INK, SEVERITY_COLOUR, SEVERITY_LABEL, SIZE, scoreColour } from './theme.js';

export const TOP_FIXES = 5;

export function drawSummary(doc: Doc, result: ScanResult): void {
  doc.addPage();
  doc.outline.addItem('Summary');
  sectionTitle(doc, 'Summary', `${plural(result.findings.length, 'finding')} from ${plural(result.checks.length, 'check')} on ${plural(result.pagesScanned, 'page')}`);
  drawSeverityBoxes(doc, result);
  drawChecksLine(doc, result);
  drawCategoryTable(doc, result);
  drawTopFixes(doc, result);
}

function drawSeverityBoxes(doc: Doc, result: ScanResult): void {
  const counts = countBySeverity(result.findings);
  const gap = 10;
  const w = (CONTENT_WIDTH - gap * (SEVERITIES.length - 1)) / SEVERITIES.length;
  const h = 62;
  const y = doc.y;
  SEVERITIES.forEach((s, i) => {
    const x = LEFT + i * (w + gap);
    const n = counts[s];
    doc.roundedRect(x, y, w, h, 6).fill(INK.panel);
    doc.rect(x, y + 6, 3, h - 12).fill(n > 0 ? SEVERITY_COLOUR[s] : INK.rule);
    const count = formatCount(n);
    let size = 24;
    while (size > 12 && use(doc, FONT.bold, size).widthOfString(count) > w - 20) size -= 2;
    use(doc, FONT.bold, size, n > 0 ? SEVERITY_COLOUR[s] : INK.faint).text(count, x + 14, y + 10 + (24 - size) / 2, { lineBreak: false });
    use(doc, FONT.regular, SIZE.body, INK.text).text(SEVERITY_LABEL[s], x + 14, y + 42, { width: w - 20, lineBreak: false });
  });
  doc.y = y + h + 16;
}

const STATUS_VERB = { pass: 'passed', fail: 'failed', error: 'could not run', not_applicable: 'not applicable' } as const;

function drawChecksLine(doc: Doc, result: ScanResult): void {
  const n = { pass: 0, fail: 0, error: 0, not_applicable: 0 };
  for (const c of result.checks) n[c.status] += 1;
  const parts = (['pass', 'fail', 'error', 'not_applicable'] as const).filter((s) => n[s] > 0).map((s) => `${formatCount(n[s])} ${STATUS_VERB[s]}`);
  const text = `${plural(result.checks.length, 'check')} ran${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
  use(doc, FONT.regular, SIZE.body, INK.text).text(text, LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.y += 14;
}

/** Score and findings per category, one row each. */
function drawCategoryTable(doc: Doc, result: ScanResult): void {
  const cols = [LEFT, LEFT + 150, LEFT + 230];
  let y = doc.y;
  label(doc, 'Category', cols[0]!, y);
  label(doc, 'Score', cols[1]!, y);
  label(doc, 'Findings', cols[2]!, y);
  y += 13;
  rule(doc, y);
  for (const category of CATEGORIES) {
    y += 6;
    const score = categoryScore(result, category);
    const findings = result.findings.filter((f) => f.category === category);
    const counts = countBySeverity(findings);
    const detail = SEVERITIES.filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`)
      .join(', ');
    use(doc, FONT.bold, SIZE.body, INK.text).text(CATEGORY_NAME[category], cols[0]!, y, { lineBreak: false });
    use(doc, FONT.bold, SIZE.body, scoreColour(score)).text(`${score} / 100`, cols[1]!, y, { lineBreak: false });
    use(doc, FONT.regular, SIZE.body, INK.text).text(findings.length === 0 ? 'none' : `${findings.length}  (${detail})`, cols[2]!, y, {
      width: RIGHT - cols[2]!,
      lineBreak: false,
    });
    y += 16;
    rule(doc, y);
  }
  doc.y = y + 24;
}

function drawTopFixes(doc: Doc, result: ScanResult): void {
  use(doc, FONT.bold, SIZE.h2, INK.text).text('Most important fixes', LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.y += 8;
  const fixes = topFixes(result.findings, TOP_FIXES);
  if (fixes.length === 0) {
    const text =
      result.findings.length === 0 ? 'Nothing to fix: the scan found no problems.' : 'Nothing to fix: the findings are for information only.';
    use(doc, FONT.regular, SIZE.body, INK.text).text(text, LEFT, doc.y, { width: CONTENT_WIDTH });
    return;
  }
  const indent = 26;
  const width = CONTENT_WIDTH - indent;
  // The summary is one page: each fix gets an equal share of the room left (what one fix leaves over
  // goes to the next), and its remediation the lines that fit in that share, at most five.
  use(doc, FONT.regular, SIZE.body);
  const bodyLine = doc.currentLineHeight(true) + 1;
  fixes.forEach(({ finding, occurrences }, i) => {
    const share = (BOTTOM - doc.y) / (fixes.length - i);
    const y = doc.y + 6;
    use(doc, FONT.bold, SIZE.h2, INK.faint).text(`${i + 1}`, LEFT, y - 1, { lineBreak: false });
    const tw = tag(doc, finding.severity, LEFT + indent, y, SEVERITY_COLOUR[finding.severity]);
    const where = `${CATEGORY_NAME[finding.category]}${occurrences > 1 ? `  ·  ${occurrences} places` : ''}`;
    use(doc, FONT.regular, SIZE.small, INK.muted).text(where, LEFT + indent + tw + 8, y + 2.5, { width: width - tw - 8, lineBreak: false });
    const title = clamp(doc, FONT.bold, SIZE.h3, oneLine(finding.title), width, 2);
    use(doc, FONT.bold, SIZE.h3, INK.text).text(title, LEFT + indent, y + tagHeight() + 5, { width });
    const lines = Math.max(1, Math.min(5, Math.floor((share - (doc.y - y) - 6 - 3 - 10) / bodyLine)));
    const fix = clamp(doc, FONT.regular, SIZE.body, plain(finding.remediation), width, lines, 1);
    use(doc, FONT.regular, SIZE.body, INK.text).text(fix, LEFT + indent, doc.y + 3, { width, lineGap: 1 });
    doc.y += 10;
  });
}
