// Turning scan data into the strings printed in the report. Nothing here depends on the clock or the
// locale, so the same scan always prints the same text.
import { domainToASCII, domainToUnicode } from 'node:url';
import type { FindingLocation } from '../scanner/types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29 November 2025, 18:43 UTC"; a value that is not a date is printed as given. */
export function formatDate(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** 19000 → "19,000". */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * The domain as people read it, and its ASCII (punycode) form when that differs, so an IDN is both
 * readable and unambiguous (a look-alike domain shows its xn-- form next to it).
 */
export function displayDomain(domain: string): { unicode: string; ascii?: string } {
  const ascii = domainToASCII(domain);
  const unicode = ascii === '' ? domain : domainToUnicode(ascii) || domain;
  return ascii !== '' && ascii !== unicode ? { unicode, ascii } : { unicode };
}

export function formatLocation(location: FindingLocation): string {
  const parts = [location.url];
  if (location.header) parts.push(`header ${location.header}`);
  if (location.selector) parts.push(`element ${location.selector}`);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  return parts.join('  ·  ');
}

// C0/C1 controls other than newline, and the invisible characters that reorder or hide text (bidi
// overrides and isolates, zero-width spaces, BOM): evidence comes from the scanned site and must print
// exactly what is there without being able to disguise itself.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text from the site made safe to print: line breaks normalised, tabs expanded, invisible characters removed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(INVISIBLE, '');
}

/** One line of text: any run of whitespace becomes a single space. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Prose written by the checks, printed without its Markdown code marks (`nosniff` → nosniff). */
export function plain(text: string): string {
  return cleanText(text).replace(/`([^`\n]+)`/g, '$1').trim();
}
