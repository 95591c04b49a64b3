// The scan result → PDF bytes. No clock, no randomness, no I/O: the same result and options give the
// same bytes (pdfkit derives the file ID from the info dictionary and the font subset tags from the font
// order, so fixing CreationDate and ModDate to createdAt is enough).
import PDFDocument from 'pdfkit';
import { reportTitle as titleFor } from '../../../src/contract/api.js';
import type { ScanResult } from '../scanner/types.js';
import { drawAppendix } from './appendix.js';
import { drawCover } from './cover.js';
import { drawFindings } from './findings.js';
import { registerFonts } from './fonts.js';
import { displayDomain } from './format.js';
import { drawPageFrames } from './page-frame.js';
import type { ReportOptions } from './render-options.js';
import { drawSummary } from './summary.js';
import { PAGE } from './theme.js';

/** The contract's title with the domain as people read it (an IDN in Unicode). */
export function reportTitle(result: ScanResult): string {
  return titleFor(displayDomain(result.domain).unicode);
}

export function renderReport(result: ScanResult, options: ReportOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica's metrics, which this document never uses.
    font: '',
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: reportTitle(result),
      Author: 'IsSafeSite',
      Subject: `Website security, SEO and delivery scan of ${result.url}`,
      Creator: 'IsSafeSite',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    registerFonts(doc);
    drawCover(doc, result, options);
    drawSummary(doc, result);
    drawFindings(doc, result);
    drawAppendix(doc, result, options);
    drawPageFrames(doc, result);
  } catch (err) {
    doc.end();
    return Promise.reject(err);
  }
  doc.end();
  return done;
}
