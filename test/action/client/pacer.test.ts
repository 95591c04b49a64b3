// The pacing rules in isolation, and the headers they read.
import { expect, test } from 'vitest';
import { Pacer, rateHeaders, retryAfterMs, WINDOW_MS } from '../../../src/client/pacer.js';
import { fakeClock, START } from './support/fake-clock.js';

test('before the API has said its limit nothing waits; after it, the limit-th request of a minute waits for the first to age out', async () => {
  const clock = fakeClock();
  const pacer = new Pacer(clock);
  for (let i = 0; i < 3; i++) {
    expect(pacer.waitMs()).toBe(0);
    pacer.sending();
    await clock.sleep(1_000);
  }
  pacer.observe({ limit: 3, remaining: 2, resetMs: 58_000 });
  expect(pacer.waitMs()).toBe(START + WINDOW_MS - clock.now());
});

test('RateLimit-Remaining 0 holds every request until RateLimit-Reset; Retry-After pushes it further', () => {
  const clock = fakeClock();
  const pacer = new Pacer(clock);
  pacer.observe({ limit: 300, remaining: 0, resetMs: 12_000 });
  expect(pacer.waitMs()).toBe(12_000);
  pacer.block(20_000);
  expect(pacer.waitMs()).toBe(20_000);
  pacer.observe({ limit: 300, remaining: 5, resetMs: 1_000 });
  expect(pacer.waitMs()).toBe(20_000);
});

test('reads the RateLimit headers as seconds from now, or as an epoch time', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  expect(rateHeaders(headers({ 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '42' }), START)).toEqual({ limit: 10, remaining: 0, resetMs: 42_000 });
  expect(rateHeaders(headers({ 'ratelimit-reset': String(START / 1000 + 30) }), START).resetMs).toBe(30_000);
  expect(rateHeaders(headers({ 'ratelimit-limit': 'ten' }), START)).toEqual({ limit: undefined, remaining: undefined, resetMs: undefined });
});

test('Retry-After in seconds or as an HTTP date', () => {
  expect(retryAfterMs('7', START)).toBe(7_000);
  expect(retryAfterMs(new Date(START + 90_000).toUTCString(), START)).toBe(90_000);
  expect(retryAfterMs('soon', START)).toBeUndefined();
  expect(retryAfterMs(undefined, START)).toBeUndefined();
});
