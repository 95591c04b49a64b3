// Reads a PDF back the way a person's viewer would: its text page by page and its document info.
import { PDFParse } from 'pdf-parse';

export interface ParsedPdf {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

export async function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { pages: text.pages.map((p) => p.text), text: text.pages.map((p) => p.text).join('\n'), info: (info.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}
