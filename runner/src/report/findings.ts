// The findings, grouped by category and most severe first. Each finding is a block — severity and
// title, where, what, the evidence, how to fix it, references — kept on one page when it fits, and never
// split so that its heading sits alone at the foot of a page.
import type { Finding, ScanResult } from '../scanner/types.js';
import { CATEGORY_NAME, categoryScore } from './categories.js';
import { cutMark, wrapEvidence } from './evidence.js';
import { formatLocation, oneLine, plain, plural } from './format.js';
import { BOTTOM, LEFT, TOP, clamp, ensureSpace, label, labelHeight, measure, rule, sectionTitle, tag, tagHeight, use } from './layout.js';
import type { Doc } from './layout.js';
import { groupByCategory, groupSame } from './order.js';
import { CONTENT_WIDTH, FONT, INK, SEVERITY_COLOUR, SIZE, scoreColour } from './theme.js';

/** Evidence lines shown before the cut mark: enough for a header, a cookie or an HTML snippet. */
export const EVIDENCE_MAX_LINES = 12;
/** Fewer lines for each of many places, so a finding found on 200 pages stays readable. */
const PLACE_EVIDENCE_MAX_LINES = 4;
const EVIDENCE_PAD = 6;
const BODY_GAP = 1.5;
const PART_GAP = 8;
const BLOCK_GAP = 14;
// A heading is never left with less than this much of its finding under it on the same page.
const MIN_AFTER_HEADING = 40;

/** A piece of a finding block: its height, and how to draw it with its top at doc.y. */
interface Piece {
  height: number;
  /** For text that may flow on to the next page: the room it needs at the foot of a page to start there. */
  minHeight?: number;
  draw(): void;
}

export function drawFindings(doc: Doc, result: ScanResult): void {
  const groups = groupByCategory(result.findings);
  if (groups.length === 0) return;
  doc.addPage();
  const top = doc.outline.addItem('Findings');
  sectionTitle(doc, 'Findings', `${plural(result.findings.length, 'finding')}, grouped by category, most severe first`);
  groups.forEach(({ category, findings }, gi) => {
    const blocks = groupSame(findings).map((g) => pieces(doc, g));
    const first = blocks[0]!;
    const heading = categoryHeading(doc, CATEGORY_NAME[category], categoryScore(result, category), findings.length);
    if (gi > 0) doc.y += 10;
    ensureSpace(doc, heading.height + keepWith(first));
    top.addItem(CATEGORY_NAME[category]);
    heading.draw();
    for (const block of blocks) drawBlock(doc, block);
  });
}

function categoryHeading(doc: Doc, name: string, score: number, count: number): Piece {
  return {
    height: 34,
    draw() {
      const y = doc.y;
      use(doc, FONT.bold, SIZE.h2, INK.text).text(name, LEFT, y, { lineBreak: false });
      const nameW = doc.widthOfString(name);
      use(doc, FONT.bold, SIZE.body, scoreColour(score)).text(`${score} / 100`, LEFT + nameW + 12, y + 4.5, { lineBreak: false });
      const scoreW = doc.widthOfString(`${score} / 100`);
      use(doc, FONT.regular, SIZE.body, INK.muted).text(`·  ${plural(count, 'finding')}`, LEFT + nameW + 12 + scoreW + 6, y + 4.5, { lineBreak: false });
      rule(doc, y + 22, INK.text);
      doc.y = y + 34;
    },
  };
}

/** The room the first piece of a block needs on the page where its heading goes. */
function keepWith(block: Piece[]): number {
  const [head, next] = block;
  return head!.height + Math.min(next?.height ?? 0, MIN_AFTER_HEADING);
}

function drawBlock(doc: Doc, block: Piece[]): void {
  const total = block.reduce((sum, p) => sum + p.height, 0);
  // Keep the whole block on one page when it fits on an empty one; otherwise keep the heading with
  // the start of what follows it.
  if (total <= BOTTOM - TOP) ensureSpace(doc, total);
  else ensureSpace(doc, keepWith(block));
  for (const [i, p] of block.entries()) {
    if (i > 0) ensureSpace(doc, Math.min(p.height, p.minHeight ?? p.height, BOTTOM - TOP));
    p.draw();
  }
  // The rule between findings is dropped at the foot of a page rather than carried to the next one.
  if (doc.y + BLOCK_GAP <= BOTTOM) {
    rule(doc, doc.y + 2);
    doc.y += BLOCK_GAP;
  }
}

function pieces(doc: Doc, group: Finding[]): Piece[] {
  const f = group[0]!;
  const out: Piece[] = [header(doc, group)];
  const description = plain(f.description);
  if (description) out.push(prose(doc, description, undefined));
  if (group.length === 1) {
    if (f.evidence.trim()) out.push(evidence(doc, f.evidence, 'Evidence', EVIDENCE_MAX_LINES));
  } else if (group.every((g) => g.evidence === f.evidence)) {
    if (f.evidence.trim()) out.push(evidence(doc, f.evidence, 'Evidence', EVIDENCE_MAX_LINES));
    out.push(...places(doc, group, false));
  } else {
    out.push(...places(doc, group, true));
  }
  const remediation = plain(f.remediation);
  if (remediation) out.push(prose(doc, remediation, 'How to fix'));
  if (f.references.length > 0) out.push(references(doc, f.references));
  return out;
}

/** Severity tag and title on one line (the title wraps beside the tag), then where it was found. */
function header(doc: Doc, group: Finding[]): Piece {
  const f = group[0]!;
  use(doc, FONT.bold, SIZE.tag);
  const tagW = doc.widthOfString(f.severity.toUpperCase(), { characterSpacing: 0.3 }) + SIZE.tag * 1.2;
  const titleX = LEFT + tagW + 8;
  const titleW = CONTENT_WIDTH - tagW - 8;
  const title = clamp(doc, FONT.bold, SIZE.h3, oneLine(f.title), titleW, 3);
  const titleH = measure(doc, FONT.bold, SIZE.h3, title, titleW);
  const meta = group.length === 1 ? `${formatLocation(f.location)}  ·  ${f.checkId}` : `${plural(group.length, 'place')}  ·  ${f.checkId}`;
  const where = clamp(doc, FONT.regular, SIZE.small, meta, CONTENT_WIDTH, 3);
  const whereH = measure(doc, FONT.regular, SIZE.small, where, CONTENT_WIDTH);
  return {
    height: Math.max(titleH, tagHeight()) + 3 + whereH + PART_GAP,
    draw() {
      const y = doc.y;
      tag(doc, f.severity, LEFT, y + 1, SEVERITY_COLOUR[f.severity]);
      use(doc, FONT.bold, SIZE.h3, INK.text).text(title, titleX, y, { width: titleW });
      use(doc, FONT.regular, SIZE.small, INK.muted).text(where, LEFT, Math.max(doc.y, y + tagHeight()) + 3, { width: CONTENT_WIDTH });
      doc.y += PART_GAP;
    },
  };
}

/** Every place a grouped finding was found, each with its own evidence when they differ. */
function places(doc: Doc, group: Finding[], withEvidence: boolean): Piece[] {
  const out: Piece[] = [];
  group.forEach((f, i) => {
    const text = clamp(doc, FONT.regular, SIZE.small, `${i + 1}.  ${formatLocation(f.location)}`, CONTENT_WIDTH, 2);
    const h = measure(doc, FONT.regular, SIZE.small, text, CONTENT_WIDTH) + 2;
    const headingH = i === 0 ? labelHeight() : 0;
    const location: Piece = {
      height: headingH + h + (withEvidence ? 0 : i === group.length - 1 ? PART_GAP : 0),
      draw() {
        if (i === 0) {
          label(doc, 'Found at', LEFT, doc.y);
          doc.y += headingH;
        }
        use(doc, FONT.regular, SIZE.small, INK.text).text(text, LEFT, doc.y, { width: CONTENT_WIDTH });
        doc.y += 2 + (withEvidence ? 0 : i === group.length - 1 ? PART_GAP : 0);
      },
    };
    if (!withEvidence || !f.evidence.trim()) {
      out.push(location);
      return;
    }
    // A place and its evidence stay together.
    const box = evidence(doc, f.evidence, undefined, PLACE_EVIDENCE_MAX_LINES);
    out.push({
      height: location.height + box.height,
      draw() {
        location.draw();
        box.draw();
      },
    });
  });
  return out;
}

function prose(doc: Doc, text: string, heading: string | undefined): Piece {
  const labelH = heading ? labelHeight() : 0;
  const h = measure(doc, FONT.regular, SIZE.body, text, CONTENT_WIDTH, { lineGap: BODY_GAP });
  // Long prose flows on to the next page (pdfkit breaks it at the bottom margin) once three lines fit.
  const lineH = doc.currentLineHeight(true) + BODY_GAP;
  return {
    height: labelH + h + PART_GAP,
    minHeight: labelH + 3 * lineH,
    draw() {
      if (heading) {
        label(doc, heading, LEFT, doc.y);
        doc.y += labelH;
      }
      use(doc, FONT.regular, SIZE.body, INK.text).text(text, LEFT, doc.y, { width: CONTENT_WIDTH, lineGap: BODY_GAP });
      doc.y += PART_GAP;
    },
  };
}

/** The evidence verbatim in a grey monospace box, wrapped to its width and cut with a mark. */
function evidence(doc: Doc, raw: string, heading: string | undefined, maxLines: number): Piece {
  use(doc, FONT.mono, SIZE.mono);
  const charW = doc.widthOfString('0');
  const lineH = doc.currentLineHeight(true) + 1;
  const innerW = CONTENT_WIDTH - EVIDENCE_PAD * 2;
  const wrapped = wrapEvidence(raw, Math.floor(innerW / charW), maxLines);
  const rows = wrapped.lines.length + (wrapped.hiddenChars > 0 ? 1 : 0);
  const boxH = rows * lineH + EVIDENCE_PAD * 2 - 1;
  const labelH = heading ? labelHeight() : 0;
  const gap = heading ? PART_GAP : 4;
  return {
    height: labelH + boxH + gap,
    draw() {
      if (heading) label(doc, heading, LEFT, doc.y);
      const y = doc.y + labelH;
      doc.rect(LEFT, y, CONTENT_WIDTH, boxH).fill(INK.panel);
      doc.rect(LEFT, y, 2, boxH).fill(INK.rule);
      use(doc, FONT.mono, SIZE.mono, INK.text);
      wrapped.lines.forEach((line, i) => {
        if (line) doc.text(line, LEFT + EVIDENCE_PAD, y + EVIDENCE_PAD + i * lineH, { lineBreak: false });
      });
      if (wrapped.hiddenChars > 0) {
        use(doc, FONT.bold, SIZE.mono, INK.cut).text(cutMark(wrapped.hiddenChars), LEFT + EVIDENCE_PAD, y + EVIDENCE_PAD + wrapped.lines.length * lineH, {
          lineBreak: false,
        });
      }
      doc.y = y + boxH + gap;
    },
  };
}

/** One line per reference, shortened with an ellipsis when long, linked to the full address. */
function references(doc: Doc, refs: string[]): Piece {
  const lines = refs.map((r) => ({ url: r, text: clamp(doc, FONT.regular, SIZE.small, oneLine(r), CONTENT_WIDTH, 1) }));
  use(doc, FONT.regular, SIZE.small);
  const lineH = doc.currentLineHeight(true) + 2;
  return {
    height: labelHeight() + lines.length * lineH + PART_GAP,
    draw() {
      label(doc, 'References', LEFT, doc.y);
      let y = doc.y + labelHeight();
      for (const { url, text } of lines) {
        const link = /^https?:\/\//i.test(url) ? { link: url } : {};
        use(doc, FONT.regular, SIZE.small, INK.link).text(text, LEFT, y, { lineBreak: false, ...link });
        y += lineH;
      }
      doc.y = y + PART_GAP;
    },
  };
}

