// Evidence is printed verbatim in a monospace box: wrapped at the box's width (preferring a break after
// a space or URL/header punctuation) and cut after a few lines with a visible mark, so a 20,000-character
// minified script neither runs off the page nor fills ten of them.
import { cleanText, formatCount } from './format.js';

export interface WrappedEvidence {
  lines: string[];
  /** Characters not shown (0 when the whole evidence fits). */
  hiddenChars: number;
}

const BREAK_AFTER = new Set([' ', ',', ';', '&', '/', '?', '=', '>', ')', '-']);
// A soft break is only worth it when it keeps at least three quarters of the line.
const SOFT_BREAK_MIN = 0.75;

export function wrapEvidence(evidence: string, charsPerLine: number, maxLines: number): WrappedEvidence {
  const text = cleanText(evidence).replace(/\s+$/, '');
  const total = Array.from(text).length;
  const lines: string[] = [];
  let shown = 0;
  for (const logical of text.split('\n')) {
    const chars = Array.from(logical);
    let at = 0;
    do {
      if (lines.length === maxLines) return { lines, hiddenChars: total - shown - at };
      let take = chars.length - at;
      if (take > charsPerLine) {
        take = charsPerLine;
        for (let i = charsPerLine; i >= Math.ceil(charsPerLine * SOFT_BREAK_MIN); i--) {
          if (BREAK_AFTER.has(chars[at + i - 1]!)) {
            take = i;
            break;
          }
        }
      }
      lines.push(chars.slice(at, at + take).join(''));
      at += take;
    } while (at < chars.length);
    shown += chars.length + 1; // the newline
  }
  return { lines, hiddenChars: 0 };
}

/** The mark printed under cut evidence. */
export function cutMark(hiddenChars: number): string {
  return `[… cut: ${formatCount(hiddenChars)} more characters not shown]`;
}
