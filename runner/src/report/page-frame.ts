// The running header and the "Page N of M" footer, drawn on every page but the cover once all pages
// exist (the document buffers its pages, so M is known). Pages are numbered as a PDF viewer numbers
// them, the cover being page 1, so "page 5" means the same thing on paper and on screen.
import type { ScanResult } from '../scanner/types.js';
import { displayDomain, formatDate } from './format.js';
import { LEFT, RIGHT, clamp, inMargins, rule, use } from './layout.js';
import type { Doc } from './layout.js';
import { CONTENT_WIDTH, FONT, INK, PAGE, SIZE } from './theme.js';

const HEADER_Y = 34;
const FOOTER_Y = PAGE.height - 40;

export function pageLabel(n: number, total: number): string {
  return `Page ${n} of ${total}`;
}

export function drawPageFrames(doc: Doc, result: ScanResult): void {
  const { start, count } = doc.bufferedPageRange();
  const title = `Security Report — ${displayDomain(result.domain).unicode}`;
  const right = `Grade ${result.grade}  ·  ${result.overallScore} / 100`;
  const scanned = `Scanned ${formatDate(result.completedAt)}`;
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    inMargins(doc, () => {
      use(doc, FONT.bold, SIZE.small, INK.text);
      const rightW = doc.widthOfString(right);
      const titleText = clamp(doc, FONT.bold, SIZE.small, title, CONTENT_WIDTH - rightW - 24, 1);
      use(doc, FONT.bold, SIZE.small, INK.text).text(titleText, LEFT, HEADER_Y, { lineBreak: false });
      use(doc, FONT.bold, SIZE.small, INK.muted).text(right, RIGHT - rightW, HEADER_Y, { lineBreak: false });
      rule(doc, HEADER_Y + 14);

      rule(doc, FOOTER_Y - 8);
      const page = pageLabel(i - start + 1, count);
      use(doc, FONT.regular, SIZE.small, INK.muted).text(`IsSafeSite  ·  ${scanned}`, LEFT, FOOTER_Y, { lineBreak: false });
      use(doc, FONT.bold, SIZE.small, INK.text);
      doc.text(page, RIGHT - doc.widthOfString(page), FOOTER_Y, { lineBreak: false });
    });
  }
}
