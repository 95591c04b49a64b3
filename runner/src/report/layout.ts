// Small drawing helpers shared by the sections. Every helper takes explicit coordinates or works from
// doc.y, and leaves the fill colour and font as the caller will set them again.
import { CONTENT_WIDTH, FONT, INK, PAGE, SIZE } from './theme.js';

export type Doc = PDFKit.PDFDocument;
export type FontName = (typeof FONT)[keyof typeof FONT];

export const LEFT = PAGE.margins.left;
export const RIGHT = PAGE.width - PAGE.margins.right;
export const TOP = PAGE.margins.top;
export const BOTTOM = PAGE.height - PAGE.margins.bottom;

export function use(doc: Doc, font: FontName, size: number, colour: string = INK.text): Doc {
  return doc.font(font).fontSize(size).fillColor(colour);
}

/** Starts a new page unless `height` more points fit below doc.y; true when it started one. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= BOTTOM) return false;
  doc.addPage();
  return true;
}

export function measure(doc: Doc, font: FontName, size: number, text: string, width: number, options: PDFKit.Mixins.TextOptions = {}): number {
  return use(doc, font, size).heightOfString(text, { width, ...options });
}

/**
 * `text` shortened with an ellipsis so that it takes at most `maxLines` lines of `width` in the given
 * font (a binary search over its length; the words stay whole where possible).
 */
export function clamp(doc: Doc, font: FontName, size: number, text: string, width: number, maxLines: number, lineGap = 0): string {
  use(doc, font, size);
  const limit = maxLines * (doc.currentLineHeight(true) + lineGap) + 0.5;
  const fits = (s: string) => doc.heightOfString(s, { width, lineGap }) <= limit;
  if (fits(text)) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(`${text.slice(0, mid).trimEnd()}…`)) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.slice(0, lo);
  const space = cut.lastIndexOf(' ');
  return `${(space > lo * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A coloured label with white capitals (severity, status); returns its width. */
export function tag(doc: Doc, label: string, x: number, y: number, colour: string, size: number = SIZE.tag): number {
  const text = label.toUpperCase();
  use(doc, FONT.bold, size);
  const padX = size * 0.6;
  const w = doc.widthOfString(text, { characterSpacing: 0.3 }) + padX * 2;
  const h = tagHeight(size);
  doc.roundedRect(x, y, w, h, 2).fill(colour);
  doc.fillColor(INK.white).text(text, x + padX, y + size * 0.35, { lineBreak: false, characterSpacing: 0.3 });
  return w;
}

export function tagHeight(size: number = SIZE.tag): number {
  return size * 1.9;
}

export function rule(doc: Doc, y: number, colour: string = INK.rule, x1: number = LEFT, x2: number = RIGHT): void {
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(colour).stroke();
}

/** A section title at the top of a page, with a rule under it; leaves doc.y below the rule. */
export function sectionTitle(doc: Doc, title: string, subtitle?: string): void {
  use(doc, FONT.bold, SIZE.h1, INK.text).text(title, LEFT, TOP, { width: CONTENT_WIDTH });
  if (subtitle) use(doc, FONT.regular, SIZE.body, INK.muted).text(subtitle, LEFT, doc.y + 2, { width: CONTENT_WIDTH });
  const y = doc.y + 8;
  rule(doc, y, INK.text);
  doc.y = y + 16;
}

/** A small upper-case label above a block ("EVIDENCE"). */
export function label(doc: Doc, text: string, x: number, y: number): void {
  use(doc, FONT.bold, SIZE.tag, INK.muted).text(text.toUpperCase(), x, y, { lineBreak: false, characterSpacing: 0.6 });
}

export function labelHeight(): number {
  return SIZE.tag * 1.2 + 3;
}

/** Runs `draw` with the page margins lifted, so text placed in the header or footer area does not make pdfkit start a new page. */
export function inMargins(doc: Doc, draw: () => void): void {
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, top: 0, bottom: 0 };
  try {
    draw();
  } finally {
    doc.page.margins = margins;
  }
}
