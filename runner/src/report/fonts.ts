// DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic, so internationalised
// domain names render as themselves; the PDF embeds only the glyphs used (pdfkit subsets every font).
// The bytes are bundled into dist/ (see ttf.d.ts) because the action runs where no node_modules exists.
import sansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf';
import sans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
import mono from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf';
import { FONT } from './theme.js';

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT.regular, sans);
  doc.registerFont(FONT.bold, sansBold);
  doc.registerFont(FONT.mono, mono);
}
