import { describe, expect, it } from 'vitest';
import { cleanText, displayDomain, formatCount, formatDate, formatLocation, plain } from '../../../runner/src/report/format.js';

describe('displayDomain', () => {
  it.each([
    ['пример.испытание', 'пример.испытание', 'xn--e1afmkfd.xn--80akhbyknj4f'],
    ['xn--e1afmkfd.xn--80akhbyknj4f', 'пример.испытание', 'xn--e1afmkfd.xn--80akhbyknj4f'],
    ['bücher.example', 'bücher.example', 'xn--bcher-kva.example'],
  ])('shows %s as %s with its ASCII form %s', (domain, unicode, ascii) => {
    expect(displayDomain(domain)).toEqual({ unicode, ascii });
  });

  it('gives no ASCII form for a plain ASCII domain', () => {
    expect(displayDomain('example.com')).toEqual({ unicode: 'example.com' });
  });

  it('keeps a value that is not a valid domain as it is', () => {
    expect(displayDomain('127.0.0.1:8080')).toEqual({ unicode: '127.0.0.1:8080' });
  });
});

describe('formatDate', () => {
  it('prints the UTC date and time whatever the machine’s time zone', () => {
    expect(formatDate('2025-11-29T18:41:12.000Z')).toBe('29 November 2025, 18:41 UTC');
    expect(formatDate(new Date(Date.UTC(2026, 0, 2, 3, 4)))).toBe('2 January 2026, 03:04 UTC');
  });

  it('prints a value that is not a date as given', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 18740, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '18,740', '1,234,567']);
  });
});

describe('formatLocation', () => {
  it('joins the URL with the header, element and line that were given', () => {
    expect(formatLocation({ url: 'https://e.com/', header: 'Server', selector: 'img', line: 3 })).toBe('https://e.com/  ·  header Server  ·  element img  ·  line 3');
    expect(formatLocation({ url: 'https://e.com/' })).toBe('https://e.com/');
  });
});

describe('cleanText and plain', () => {
  it('removes characters that could hide or reorder what the site sent', () => {
    expect(cleanText('safe\u202Egnp.exe\u200B\uFEFF')).toBe('safegnp.exe');
  });

  it('drops Markdown code marks from the checks’ prose', () => {
    expect(plain('Send `X-Content-Type-Options: nosniff` on every response.')).toBe('Send X-Content-Type-Options: nosniff on every response.');
  });
});
