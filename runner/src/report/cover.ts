// Page 1: what was scanned and how it did, readable at a glance — the grade as a large badge in its
// colour, the overall score, one bar per category, and when and how deep the scan went.
import type { ScanResult } from '../scanner/types.js';
import { CATEGORIES, SEVERITIES } from '../scanner/types.js';
import { CATEGORY_NAME, categoryScore } from './categories.js';
import { displayDomain, formatDate, plural } from './format.js';
import { BOTTOM, LEFT, RIGHT, TOP, clamp, inMargins, label, rule, use } from './layout.js';
import type { Doc } from './layout.js';
import { countBySeverity } from './order.js';
import type { ReportOptions } from './render-options.js';
import { CONTENT_WIDTH, FONT, GRADE_COLOUR, INK, PAGE, SEVERITY_LABEL, SIZE, scoreColour } from './theme.js';

const BAND_HEIGHT = 150;
const BADGE = 150;

export function drawCover(doc: Doc, result: ScanResult, options: ReportOptions): void {
  doc.addPage();
  drawBand(doc);
  let y = BAND_HEIGHT + 44;
  y = drawTarget(doc, result, y) + 30;
  y = drawGrade(doc, result, y) + 40;
  y = drawBars(doc, result, y) + 36;
  drawDetails(doc, result, options, y);
  inMargins(doc, () =>
    use(doc, FONT.regular, SIZE.small, INK.faint).text(
      'What a visitor’s browser and a search engine could observe from the public internet at the time of the scan.',
      LEFT,
      BOTTOM + 10,
      { width: CONTENT_WIDTH, lineBreak: false },
    ),
  );
}

function drawBand(doc: Doc): void {
  doc.rect(0, 0, PAGE.width, BAND_HEIGHT).fill(INK.brand);
  use(doc, FONT.bold, SIZE.h3, '#c7d7f5').text('IsSafeSite', LEFT, TOP - 14, { lineBreak: false, characterSpacing: 1 });
  use(doc, FONT.bold, 30, INK.white).text('Security Report', LEFT, TOP + 8, { lineBreak: false });
  use(doc, FONT.regular, SIZE.h3, '#c7d7f5').text('Website security, SEO and delivery scan', LEFT, TOP + 48, { lineBreak: false });
}

/** The domain large (shrunk to fit two lines), its ASCII form for an IDN, and the URL; returns the y below. */
function drawTarget(doc: Doc, result: ScanResult, y: number): number {
  const domain = displayDomain(result.domain);
  label(doc, 'Site', LEFT, y);
  let size: number = SIZE.title;
  use(doc, FONT.bold, size);
  // A domain can be 253 characters long: shrink it down to 14 pt before wrapping it.
  while (size > 14 && doc.heightOfString(domain.unicode, { width: CONTENT_WIDTH }) > doc.currentLineHeight(true) * 2) {
    size -= 2;
    doc.fontSize(size);
  }
  // Three lines at most, so the cover keeps its layout; the appendix prints the domain in full.
  const name = clamp(doc, FONT.bold, size, domain.unicode, CONTENT_WIDTH, 3);
  use(doc, FONT.bold, size, INK.text).text(name, LEFT, y + 14, { width: CONTENT_WIDTH });
  if (domain.ascii) {
    const ascii = clamp(doc, FONT.mono, SIZE.body, domain.ascii, CONTENT_WIDTH, 2);
    use(doc, FONT.mono, SIZE.body, INK.muted).text(ascii, LEFT, doc.y + 2, { width: CONTENT_WIDTH });
  }
  const url = clamp(doc, FONT.regular, SIZE.h3, result.url, CONTENT_WIDTH, 2);
  use(doc, FONT.regular, SIZE.h3, INK.link).text(url, LEFT, doc.y + 4, { width: CONTENT_WIDTH, link: result.url });
  return doc.y;
}

/** The badge on the left, the overall score and finding counts to its right; returns the y below. */
function drawGrade(doc: Doc, result: ScanResult, y: number): number {
  const colour = GRADE_COLOUR[result.grade];
  label(doc, 'Grade', LEFT, y);
  const top = y + 14;
  doc.roundedRect(LEFT, top, BADGE, BADGE, 14).fill(colour);
  const size = result.grade.length > 1 ? 62 : 88;
  use(doc, FONT.bold, size, INK.white);
  const w = doc.widthOfString(result.grade);
  // pdfkit places text by the top of its line box; centre the capital itself. DejaVu Sans Bold rises
  // 928/1000 em above the baseline and its capitals 729/1000 em (its hhea and OS/2 tables).
  const capTop = top + (BADGE - 0.729 * size) / 2;
  doc.text(result.grade, LEFT + (BADGE - w) / 2, capTop - (0.928 - 0.729) * size, { lineBreak: false });

  const x = LEFT + BADGE + 28;
  const width = RIGHT - x;
  label(doc, 'Overall score', x, y);
  use(doc, FONT.bold, 48, colour).text(String(result.overallScore), x, top + 4, { lineBreak: false });
  const sw = doc.widthOfString(String(result.overallScore));
  use(doc, FONT.regular, SIZE.h2, INK.muted).text('/ 100', x + sw + 6, top + 34, { lineBreak: false });

  const counts = countBySeverity(result.findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`);
  const summary = result.findings.length === 0 ? 'No findings.' : `${plural(result.findings.length, 'finding')}: ${parts.join(', ')}`;
  use(doc, FONT.regular, SIZE.h3, INK.text).text(summary, x, top + 80, { width });
  return top + BADGE;
}

/** One bar per category, its length the score out of 100, coloured like the grade that score earns. */
function drawBars(doc: Doc, result: ScanResult, y: number): number {
  label(doc, 'Scores by category', LEFT, y);
  let row = y + 18;
  const barX = LEFT + 130;
  const barW = CONTENT_WIDTH - 130 - 44;
  for (const category of CATEGORIES) {
    const score = categoryScore(result, category);
    use(doc, FONT.bold, SIZE.h3, INK.text).text(CATEGORY_NAME[category], LEFT, row, { lineBreak: false });
    doc.roundedRect(barX, row - 0.5, barW, 13, 3).fill(INK.barTrack);
    const filled = (barW * Math.max(0, Math.min(100, score))) / 100;
    if (filled > 0) doc.roundedRect(barX, row - 0.5, Math.max(filled, 6), 13, 3).fill(scoreColour(score));
    use(doc, FONT.bold, SIZE.h3, INK.text);
    const text = String(score);
    doc.text(text, RIGHT - doc.widthOfString(text), row, { lineBreak: false });
    row += 28;
  }
  return row - 14;
}

function drawDetails(doc: Doc, result: ScanResult, options: ReportOptions, y: number): void {
  rule(doc, y - 14);
  const rows: Array<[string, string]> = [
    ['Scanned', formatDate(result.completedAt)],
    ['Depth', result.depth],
    ['Pages scanned', String(result.pagesScanned)],
    ['Checks run', String(result.checks.length)],
    ['Report created', formatDate(options.createdAt)],
    ['Scoring version', options.version === undefined ? result.scoringVersion : `${result.scoringVersion}  ·  report version ${options.version}`],
  ];
  const colW = CONTENT_WIDTH / 2;
  rows.forEach(([name, value], i) => {
    const x = LEFT + (i % 2) * colW;
    const rowY = y + Math.floor(i / 2) * 34;
    label(doc, name, x, rowY);
    use(doc, FONT.regular, SIZE.h3, INK.text).text(value, x, rowY + 12, { width: colW - 12, lineBreak: false });
  });
}
