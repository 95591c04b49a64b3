import { describe, expect, it } from 'vitest';
import { compareVersions, inRange, parseVersion } from '../../../../runner/src/scanner/rules/versions.js';

describe('compareVersions', () => {
  it.each([
    ['1.8.3', '1.9.0', -1],
    ['1.12.4', '1.9.1', 1],
    ['3.5.0', '3.5', 0],
    ['1.9.0b1', '1.9.0', -1],
    ['1.8.3', '1.9.0b1', -1],
    ['3.0.0-rc.1', '3.0.0-beta1', 1],
    ['3.0.0-alpha1', '3.0.0-beta1', -1],
    ['4.0.0-beta.2', '4.0.0-beta', 1],
    ['1.0.0.beta.3', '1.0.0', -1],
    ['v2.6.14', '2.6.14', 0],
    ['10.0.0', '9.99.99', 1],
  ])('orders %s against %s as %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });

  it('sorts strings that are not versions first', () => {
    expect(parseVersion('latest')).toBeUndefined();
    expect(compareVersions('latest', '0.0.1')).toBeLessThan(0);
  });
});

describe('inRange', () => {
  it('treats atOrAbove as inclusive and below as exclusive, a missing bound as open', () => {
    expect(inRange('1.2.1', { atOrAbove: '1.2.1', below: '1.9.0' })).toBe(true);
    expect(inRange('1.9.0', { atOrAbove: '1.2.1', below: '1.9.0' })).toBe(false);
    expect(inRange('1.2.0', { atOrAbove: '1.2.1', below: '1.9.0' })).toBe(false);
    expect(inRange('0.1.0', { below: '1.0.0' })).toBe(true);
    expect(inRange('99.0.0', { atOrAbove: '1.7.0' })).toBe(true);
    expect(inRange('1.0.0', {})).toBe(true);
  });
});
