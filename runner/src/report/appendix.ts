// The appendix: the scan's particulars, every page scanned and every check run with its outcome, so a
// reader can tell what was looked at and what was not.
import type { CheckOutcome, ScanResult } from '../scanner/types.js';
import { CATEGORIES } from '../scanner/types.js';
import { CATEGORY_NAME } from './categories.js';
import { displayDomain, formatCount, formatDate, oneLine } from './format.js';
import { BOTTOM, LEFT, RIGHT, clamp, ensureSpace, label, measure, rule, sectionTitle, tag, use } from './layout.js';
import type { Doc } from './layout.js';
import type { ReportOptions } from './render-options.js';
import { CONTENT_WIDTH, FONT, INK, SIZE, STATUS_COLOUR, STATUS_LABEL } from './theme.js';

export function drawAppendix(doc: Doc, result: ScanResult, options: ReportOptions): void {
  doc.addPage();
  const top = doc.outline.addItem('Appendix');
  sectionTitle(doc, 'Appendix');
  drawDetails(doc, result, options);
  top.addItem('Pages scanned');
  drawPages(doc, result);
  top.addItem('Checks run');
  drawChecks(doc, result);
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  use(doc, FONT.bold, SIZE.h2, INK.text).text(text, LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.y += 6;
}

function drawDetails(doc: Doc, result: ScanResult, options: ReportOptions): void {
  subheading(doc, 'Scan details');
  const domain = displayDomain(result.domain);
  const rows: Array<[string, string]> = [
    ['URL', result.url],
    ['Domain', domain.ascii ? `${domain.unicode}  (${domain.ascii})` : domain.unicode],
    ['Depth', result.depth],
    ['Started', formatDate(result.startedAt)],
    ['Completed', formatDate(result.completedAt)],
    ['Pages scanned', formatCount(result.pagesScanned)],
    ['Scoring version', result.scoringVersion],
    ['Report created', formatDate(options.createdAt)],
  ];
  if (options.version !== undefined) rows.push(['Report version', String(options.version)]);
  const valueX = LEFT + 110;
  const width = RIGHT - valueX;
  for (const [name, value] of rows) {
    // A domain is at most 253 characters and prints whole; a URL can run to 2,048 and is shortened.
    const text = name === 'Domain' ? oneLine(value) : clamp(doc, FONT.regular, SIZE.body, oneLine(value), width, 4);
    const y = doc.y;
    use(doc, FONT.bold, SIZE.body, INK.muted).text(name, LEFT, y, { lineBreak: false });
    use(doc, FONT.regular, SIZE.body, INK.text).text(text, valueX, y, { width });
    doc.y += 4;
  }
  doc.y += 14;
}

function drawPages(doc: Doc, result: ScanResult): void {
  subheading(doc, `Pages scanned (${formatCount(result.pages.length)})`);
  const numW = 28;
  const width = CONTENT_WIDTH - numW;
  result.pages.forEach((url, i) => {
    const text = clamp(doc, FONT.regular, SIZE.small, oneLine(url), width, 2);
    ensureSpace(doc, measure(doc, FONT.regular, SIZE.small, text, width) + 3);
    const y = doc.y;
    use(doc, FONT.regular, SIZE.small, INK.faint).text(`${i + 1}.`, LEFT, y, { lineBreak: false });
    use(doc, FONT.regular, SIZE.small, INK.text).text(text, LEFT + numW, y, { width });
    doc.y += 3;
  });
  if (result.pages.length === 0) use(doc, FONT.regular, SIZE.body, INK.muted).text('None.', LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.y += 18;
}

// Column x positions of the checks table: outcome, check, category (findings are right-aligned).
const COL = { status: LEFT, check: LEFT + 52, category: LEFT + 340 } as const;
const CHECK_W = COL.category - COL.check - 12;

function drawChecks(doc: Doc, result: ScanResult): void {
  subheading(doc, `Checks run (${formatCount(result.checks.length)})`);
  if (result.checks.length === 0) {
    use(doc, FONT.regular, SIZE.body, INK.muted).text('None.', LEFT, doc.y, { width: CONTENT_WIDTH });
    return;
  }
  tableHeader(doc);
  const ordered = CATEGORIES.flatMap((c) => result.checks.filter((k) => k.category === c));
  const rest = result.checks.filter((k) => !CATEGORIES.includes(k.category));
  for (const check of [...ordered, ...rest]) {
    const row = checkRow(doc, check);
    if (ensureSpace(doc, row.height)) tableHeader(doc);
    row.draw();
  }
}

function tableHeader(doc: Doc): void {
  const y = doc.y;
  label(doc, 'Outcome', COL.status, y);
  label(doc, 'Check', COL.check, y);
  label(doc, 'Category', COL.category, y);
  use(doc, FONT.bold, SIZE.tag);
  label(doc, 'Findings', RIGHT - doc.widthOfString('FINDINGS', { characterSpacing: 0.6 }), y);
  rule(doc, y + 12, INK.text);
  doc.y = y + 18;
}

function checkRow(doc: Doc, check: CheckOutcome): { height: number; draw(): void } {
  const title = clamp(doc, FONT.bold, SIZE.body, oneLine(check.title), CHECK_W, 2);
  const titleH = measure(doc, FONT.bold, SIZE.body, title, CHECK_W);
  const id = check.outcome ? `${check.id}  →  ${check.outcome}` : check.id;
  const idText = clamp(doc, FONT.mono, SIZE.mono, id, CHECK_W, 2);
  const idH = measure(doc, FONT.mono, SIZE.mono, idText, CHECK_W);
  const message = check.message ? clamp(doc, FONT.regular, SIZE.small, oneLine(check.message), CHECK_W, 3) : '';
  const messageH = message ? measure(doc, FONT.regular, SIZE.small, message, CHECK_W) + 1 : 0;
  const height = titleH + 1 + idH + messageH + 10;
  return {
    height,
    draw() {
      const y = doc.y;
      tag(doc, STATUS_LABEL[check.status], COL.status, y, STATUS_COLOUR[check.status]);
      use(doc, FONT.bold, SIZE.body, INK.text).text(title, COL.check, y, { width: CHECK_W });
      use(doc, FONT.mono, SIZE.mono, INK.muted).text(idText, COL.check, doc.y + 1, { width: CHECK_W });
      if (message) use(doc, FONT.regular, SIZE.small, STATUS_COLOUR[check.status]).text(message, COL.check, doc.y + 1, { width: CHECK_W });
      use(doc, FONT.regular, SIZE.body, INK.text).text(CATEGORY_NAME[check.category] ?? check.category, COL.category, y, { lineBreak: false });
      const count = formatCount(check.findingsCount);
      use(doc, FONT.regular, SIZE.body, check.findingsCount > 0 ? INK.text : INK.faint);
      doc.text(count, RIGHT - doc.widthOfString(count), y, { lineBreak: false });
      const bottom = y + height - 5;
      if (bottom + 5 <= BOTTOM) rule(doc, bottom, INK.barTrack);
      doc.y = y + height;
    },
  };
}
