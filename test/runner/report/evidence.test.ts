import { describe, expect, it } from 'vitest';
import { cutMark, wrapEvidence } from '../../../runner/src/report/evidence.js';

describe('wrapEvidence', () => {
  it('keeps short evidence as it is', () => {
    expect(wrapEvidence('Server: Apache/2.4.41', 80, 12)).toEqual({ lines: ['Server: Apache/2.4.41'], hiddenChars: 0 });
  });

  it('keeps the evidence’s own line breaks and indentation', () => {
    expect(wrapEvidence('<head>\r\n  <title>x</title>\n</head>\n', 80, 12).lines).toEqual(['<head>', '  <title>x</title>', '</head>']);
  });

  it('breaks a line without spaces at exactly the width', () => {
    const r = wrapEvidence('x'.repeat(25), 10, 12);
    expect(r.lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(r.hiddenChars).toBe(0);
  });

  it('breaks after a space or URL punctuation when that keeps three quarters of the line', () => {
    expect(wrapEvidence('aaaaaaaa bbbbbbbbbb', 10, 12).lines).toEqual(['aaaaaaaa ', 'bbbbbbbbbb']);
    expect(wrapEvidence('/path/to?query=1&next=2', 10, 12).lines).toEqual(['/path/to?', 'query=1&', 'next=2']);
    // A break that would leave most of the line empty is not worth it.
    expect(wrapEvidence('ab cdefghijklmnop', 10, 12).lines).toEqual(['ab cdefghi', 'jklmnop']);
  });

  it('cuts after the maximum number of lines and counts every character not shown', () => {
    const r = wrapEvidence('y'.repeat(20_000), 100, 12);
    expect(r.lines).toHaveLength(12);
    expect(r.hiddenChars).toBe(20_000 - 1_200);
  });

  it('counts hidden newlines and whole hidden lines', () => {
    const r = wrapEvidence('one\ntwo\nthree\nfour', 80, 2);
    expect(r.lines).toEqual(['one', 'two']);
    expect(r.hiddenChars).toBe('three\nfour'.length);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    const r = wrapEvidence('😀'.repeat(7), 3, 12);
    expect(r.lines).toEqual(['😀😀😀', '😀😀😀', '😀']);
  });

  it('removes control and bidi-override characters and expands tabs', () => {
    expect(wrapEvidence('a\u202Eb\u0007c\td', 80, 12).lines).toEqual(['abc  d']);
  });
});

describe('cutMark', () => {
  it('says how many characters are not shown', () => {
    expect(cutMark(18_800)).toBe('[… cut: 18,800 more characters not shown]');
  });
});
