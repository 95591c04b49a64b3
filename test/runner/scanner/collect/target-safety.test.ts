import { describe, expect, it } from 'vitest';
import { classifyAddress, refusalReason } from '../../../../runner/src/scanner/collect/target-safety.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['not-an-ip', 'invalid'],
  ])('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address).kind).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('classifies %s as public', (address) => {
    expect(classifyAddress(address).kind).toBe('public');
  });
});

describe('refusalReason', () => {
  it('refuses a private address with a sentence naming the address and its kind', () => {
    expect(refusalReason('127.0.0.1', false)).toBe('Refused to connect to 127.0.0.1 (loopback address): private targets are not allowed');
    expect(refusalReason('169.254.169.254', false)).toBe('Refused to connect to 169.254.169.254 (cloud metadata address): private targets are not allowed');
  });

  it('allows public addresses always and private ones only when private targets are allowed', () => {
    expect(refusalReason('8.8.8.8', false)).toBeUndefined();
    expect(refusalReason('10.0.0.1', true)).toBeUndefined();
    expect(refusalReason('::1', true)).toBeUndefined();
  });

  it('refuses what is not an IP address even when private targets are allowed', () => {
    expect(refusalReason('localhost', true)).toBe('Refused to connect to localhost: not an IP address');
  });
});
