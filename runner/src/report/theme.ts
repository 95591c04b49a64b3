// Colours, type sizes and page geometry of the report, in one place so every section looks alike.
import { gradeForScore } from '../scanner/scoring.js';
import type { CheckStatus, Grade, Severity } from '../scanner/types.js';

/** A4 in PDF points (72 per inch): the paper size of most readers outside North America. */
export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  // The running header and footer live inside the top and bottom margins.
  margins: { top: 72, bottom: 64, left: 54, right: 54 },
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;

export const FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  mono: 'DejaVuSansMono',
} as const;

export const SIZE = {
  title: 26,
  h1: 20,
  h2: 14,
  h3: 11,
  body: 9.5,
  small: 8,
  tag: 7,
  mono: 7.5,
} as const;

export const INK = {
  text: '#1f2328',
  muted: '#59636e',
  faint: '#8c959f',
  rule: '#d0d7de',
  panel: '#f6f8fa',
  barTrack: '#eaeef2',
  link: '#0550ae',
  brand: '#0b3d91',
  white: '#ffffff',
  cut: '#bc4c00',
} as const;

/** Green for the good grades through red for F, dark enough to carry white text (WCAG AA at large size). */
export const GRADE_COLOUR: Record<Grade, string> = {
  'A+': '#116329',
  A: '#1a7f37',
  B: '#4d7c0f',
  C: '#9a6700',
  D: '#bc4c00',
  F: '#cf222e',
};

export const SEVERITY_COLOUR: Record<Severity, string> = {
  critical: '#82071e',
  high: '#cf222e',
  medium: '#bc4c00',
  low: '#9a6700',
  info: '#57606a',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const STATUS_COLOUR: Record<CheckStatus, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  error: '#8250df',
  not_applicable: '#6e7781',
};

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  not_applicable: 'N/A',
};

/** A category score takes the colour of the grade the same number would earn overall (docs/scoring.md). */
export function scoreColour(score: number): string {
  return GRADE_COLOUR[gradeForScore(score)];
}
